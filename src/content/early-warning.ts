/**
 * The early half of the warning: registered only on pages whose warning is due, it puts the
 * `<signpost-warning data-action="warn">` element in place synchronously at document_start, before
 * the page's own DOMContentLoaded. The main content script fills it in (shadow root, texts) a few
 * milliseconds later, or removes it if the stored decision says otherwise.
 */
import { CATALOGUE_MATCH } from '../catalogue/match-patterns';
import { WARNING_TAG } from '../shared/warning-tag';
import { createClaimMatcher } from '../policy/decide';
import { parsePattern, type HostPattern } from '../policy/pattern';

/** Shared by both content scripts: one isolated world per extension and frame. */
export type EarlyState = { element?: HTMLElement; isMainShowing?: boolean };

/** The state both content scripts of this frame share. */
export function earlyState(): EarlyState {
  const scope = globalThis as unknown as { signpostEarly?: EarlyState };
  scope.signpostEarly ??= {};
  return scope.signpostEarly;
}

/** The catalogue apps with parsed patterns, indexed on first use. */
let catalogueMatcher: ((url: string) => { id: string } | null) | undefined;

/**
 * The catalogue app a URL belongs to, by the one precedence rule (precedence.ts) with every app
 * on its default: the early script cannot know the policy. The main script sets the final
 * `data-app` (a custom app or a rule may win) a few milliseconds later.
 */
function catalogueAppAt(url: string): string | undefined {
  catalogueMatcher ??= createClaimMatcher(
    Object.entries(CATALOGUE_MATCH).map(([id, patterns]) => ({
      id,
      patterns: patterns.map(parsePattern).filter((p): p is HostPattern => typeof p !== 'string'),
    })),
    () => false,
  );
  return catalogueMatcher(url)?.id;
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
