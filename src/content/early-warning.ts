/**
 * The early half of the warning: registered only on pages whose warning is due, it puts the
 * `<signpost-warning data-action="warn">` element in place synchronously at document_start, before
 * the page's own DOMContentLoaded. The main content script fills it in (shadow root, texts) a few
 * milliseconds later, or removes it if the stored decision says otherwise.
 */
import { CATALOGUE_MATCH } from '../catalogue/match-patterns';
import { WARNING_TAG } from '../ui/warning-tag';
import { isPatternMatch, parsePattern, toUrlTarget } from '../policy/pattern';

/** Shared by both content scripts: one isolated world per extension and frame. */
export type EarlyState = { element?: HTMLElement; isMainShowing?: boolean };

/** The state both content scripts of this frame share. */
export function earlyState(): EarlyState {
  const scope = globalThis as unknown as { signpostEarly?: EarlyState };
  scope.signpostEarly ??= {};
  return scope.signpostEarly;
}

/** The catalogue app a URL belongs to (custom apps get their id from the main script). */
function catalogueAppAt(url: string): string | undefined {
  const target = toUrlTarget(url);
  if (!target) return undefined;
  let best: { id: string; specificity: number } | undefined;
  for (const [id, patterns] of Object.entries(CATALOGUE_MATCH)) {
    for (const raw of patterns) {
      const pattern = parsePattern(raw);
      if (typeof pattern === 'string' || !isPatternMatch(pattern, target)) continue;
      const specificity = pattern.host.length + pattern.path.length;
      if (!best || specificity > best.specificity) best = { id, specificity };
    }
  }
  return best?.id;
}

/** Inserts the element unless the main script already shows one. */
export function insertEarlyWarning(): void {
  const state = earlyState();
  if (state.isMainShowing || state.element?.isConnected) return;
  const element = document.createElement(WARNING_TAG);
  const appId = catalogueAppAt(location.href);
  if (appId) element.dataset.app = appId;
  element.dataset.action = 'warn';
  document.documentElement.append(element);
  state.element = element;
}
