/**
 * The content script's logic: decide from the stored snapshot (never waiting on the worker), show
 * the warning or send a blocked page to the block page, and follow policy changes, in-app
 * navigation and a page that fights the banner. Reads nothing from the page but its URL.
 */
import {
  ACKNOWLEDGED_KEY,
  isAcknowledged,
  readAcknowledgements,
  readSnapshot,
  SNAPSHOT_KEY,
  type Acknowledgements,
  type PolicySnapshot,
} from '../messaging/snapshot';
import type { PageState } from '../messaging/protocol';
import { createMatcher, decide, type Decision, type Matcher } from '../policy/decide';
import { answerWorker, sendToWorker } from './content-client';
import type { NativeApi } from './native-api';
import { createTranslate } from '../shared/i18n';
import { createWarning, warningControl } from '../ui/warning-banner';
import { earlyState } from './early-warning';
import { guardElement } from './guard';

type State = { snapshot: PolicySnapshot; matcher: Matcher; acknowledged: Acknowledgements };

/** Starts the content script on the current page. */
export function runContentScript(api: NativeApi): void {
  let state: State | null = null;
  let shown: { element: HTMLElement; appId: string } | null = null;
  let current: PageState = {
    appId: null,
    action: 'allow',
    isAcknowledged: false,
    isProceeded: false,
  };
  /** Apps hidden for this page view only (acknowledgeForDays 0, or until the worker confirms). */
  const hiddenThisVisit = new Set<string>();
  let lastUrl = location.href;
  const guard = guardElement(() => shown?.element ?? null, { probe: warningControl });

  const early = earlyState();
  const removeShown = () => {
    shown?.element.remove();
    shown = null;
  };
  const remove = () => {
    removeShown();
    early.isMainShowing = false;
    early.element?.remove();
    early.element = undefined;
  };

  const show = (decision: Decision, snapshot: PolicySnapshot) => {
    const appId = decision.appId ?? '';
    if (shown?.appId === appId) return;
    removeShown();
    const fallback = (name: string, substitutions?: readonly string[]) =>
      api.i18n.getMessage(name, substitutions ? [...substitutions] : undefined);
    const t = createTranslate(snapshot.messages, fallback);
    // Adopt the element the early script placed (data-app is set again for custom apps).
    const placed = early.element?.isConnected ? early.element : undefined;
    early.element = undefined;
    early.isMainShowing = true;
    const element = createWarning(
      { decision, policy: snapshot.compiled, t, language: snapshot.language },
      {
        onAcknowledge: () => {
          hiddenThisVisit.add(appId);
          void sendToWorker(api, 'acknowledgeWarning', { appId });
          apply();
        },
        onUseAlternative: () => void sendToWorker(api, 'recordAlternativeUse', { appId }),
      },
      placed,
    );
    shown = { element, appId };
    if (!element.isConnected) document.documentElement.append(element);
    guard.watch();
  };

  const report = (next: PageState) => {
    const isSame =
      next.appId === current.appId &&
      next.action === current.action &&
      next.isAcknowledged === current.isAcknowledged;
    current = next;
    // Only changes: an in-app navigation within the same app is not a new event.
    if (!isSame)
      void sendToWorker(api, 'reportPageState', {
        appId: next.appId,
        action: next.action,
        isAcknowledged: next.isAcknowledged,
      });
  };

  const apply = () => {
    if (!state) return;
    const decision = decide(state.matcher, location.href);
    const appId = decision.appId;
    const isHidden =
      appId !== null &&
      (hiddenThisVisit.has(appId) || isAcknowledged(state.acknowledged, appId, Date.now()));
    const warn =
      decision.action === 'warn' ||
      (decision.action === 'block' && current.isProceeded && current.appId === appId);
    if (warn && !isHidden) show(decision, state.snapshot);
    else remove();
    if (decision.action === 'block' && appId && !(current.isProceeded && current.appId === appId)) {
      void checkBlock(appId);
      return;
    }
    report({
      appId,
      action: decision.action,
      isAcknowledged: isHidden,
      isProceeded: current.isProceeded && current.appId === appId,
    });
  };

  // The network rule normally stops a blocked page first; this covers pages served from a cache or
  // a service worker, and rules not yet in place. The worker knows whether this tab may proceed.
  const checkBlock = async (appId: string) => {
    const reply = await sendToWorker(api, 'checkBlock', { url: location.href });
    if (reply?.isBlocked === false) {
      current = { appId, action: 'block', isAcknowledged: false, isProceeded: true };
      apply();
      return;
    }
    location.replace(
      `${api.runtime.getURL('/blocked.html')}?app=${encodeURIComponent(appId)}&url=${encodeURIComponent(location.href)}`,
    );
  };

  const load = (snapshotValue: unknown, acknowledgedValue: unknown) => {
    const snapshot = readSnapshot(snapshotValue);
    const matcher =
      snapshot &&
      (state?.snapshot === snapshot ? state.matcher : createMatcher(snapshot.compiled.apps));
    state =
      snapshot && matcher
        ? { snapshot, matcher, acknowledged: readAcknowledgements(acknowledgedValue) }
        : null;
    if (shown) remove();
    apply();
  };

  void api.storage.local.get([SNAPSHOT_KEY, ACKNOWLEDGED_KEY]).then(async (items) => {
    if (readSnapshot(items[SNAPSHOT_KEY]))
      return load(items[SNAPSHOT_KEY], items[ACKNOWLEDGED_KEY]);
    // No usable snapshot yet (first run, or just updated): the worker applies the policy and writes it.
    await sendToWorker(api, 'ensurePolicy', {});
    const again = await api.storage.local.get([SNAPSHOT_KEY, ACKNOWLEDGED_KEY]);
    load(again[SNAPSHOT_KEY], again[ACKNOWLEDGED_KEY]);
  });

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const snapshot = changes[SNAPSHOT_KEY];
    const acknowledged = changes[ACKNOWLEDGED_KEY];
    // A snapshot written later still applies when the first read found none.
    if (snapshot) load(snapshot.newValue, state?.acknowledged ?? {});
    else if (acknowledged && state) {
      state.acknowledged = readAcknowledgements(acknowledged.newValue);
      apply();
    }
  });

  answerWorker(api, {
    getPageState: () => current,
    recheckPage: () => {
      // A time-limited "continue anyway" ended: the worker decides again whether this page stays.
      current = { ...current, isProceeded: false };
      apply();
      return { rechecked: true };
    },
  });

  // Web apps change the URL without loading a page.
  const onLocationChange = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    apply();
  };
  addEventListener('popstate', onLocationChange);
  addEventListener('hashchange', onLocationChange);
  setInterval(onLocationChange, 300);
}
