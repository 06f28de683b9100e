/**
 * The content script's logic: decide from the stored snapshot (never waiting on the worker), show
 * the warning or send a blocked page to the block page, and follow policy changes and in-app
 * navigation. Reads nothing from the page but its URL.
 */
import { createMatcher, decide, type Decision, type Matcher } from '../policy/decide';
import { readSnapshot, SNAPSHOT_KEY, type PolicySnapshot } from '../messaging/snapshot';
import type { NativeApi } from '../platform/native-api';
import { createWarning } from '../ui/warning-banner';

type State = { snapshot: PolicySnapshot; matcher: Matcher } | null;

/** Starts the content script on the current page. */
export function runContentScript(api: NativeApi): void {
  let state: State = null;
  let shown: HTMLElement | null = null;
  let lastUrl = location.href;
  const language = api.i18n.getUILanguage();
  const t = (name: string, substitutions?: string[]) => api.i18n.getMessage(name, substitutions);

  const remove = () => {
    shown?.remove();
    shown = null;
  };

  const show = (decision: Decision, snapshot: PolicySnapshot) => {
    if (shown?.dataset.app === decision.appId && shown.isConnected) return;
    remove();
    shown = createWarning(decision, snapshot.compiled, t, language);
    document.documentElement.append(shown);
  };

  const apply = () => {
    if (!state) return;
    const decision = decide(state.matcher, location.href);
    if (decision.action === 'warn') show(decision, state.snapshot);
    else remove();
    if (decision.action === 'block' && decision.appId) {
      // The network rule normally catches this first; this covers pages served from a cache or
      // a service worker, and rules not yet in place.
      const target = `${api.runtime.getURL('/blocked.html')}?app=${encodeURIComponent(decision.appId)}&url=${encodeURIComponent(location.href)}`;
      location.replace(target);
    }
  };

  const load = (value: unknown) => {
    const snapshot = readSnapshot(value);
    state = snapshot ? { snapshot, matcher: createMatcher(snapshot.compiled.apps) } : null;
    apply();
  };

  void api.storage.local.get(SNAPSHOT_KEY).then(async (items) => {
    if (items[SNAPSHOT_KEY] !== undefined) return load(items[SNAPSHOT_KEY]);
    // No snapshot yet (first run): the worker applies the policy and writes it.
    await api.runtime
      .sendMessage({ signpost: 1, name: 'getDecision', request: { url: location.href } })
      .catch(() => undefined);
    const again = await api.storage.local.get(SNAPSHOT_KEY);
    load(again[SNAPSHOT_KEY]);
  });

  api.storage.onChanged.addListener((changes, area) => {
    const change = changes[SNAPSHOT_KEY];
    if (area === 'local' && change) load(change.newValue);
  });

  // The page may remove the element; put it back while the decision stands.
  new MutationObserver(() => {
    if (shown && !shown.isConnected) document.documentElement.append(shown);
  }).observe(document.documentElement, { childList: true });

  // Web apps change the URL without loading a page.
  const onLocationChange = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    apply();
  };
  addEventListener('popstate', onLocationChange);
  addEventListener('hashchange', onLocationChange);
  setInterval(onLocationChange, 500);
}
