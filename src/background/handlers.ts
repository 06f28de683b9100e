/** The worker's answers to the message contract. Every request arrives already validated. */
import { browser } from 'wxt/browser';
import { ACKNOWLEDGED_KEY, readAcknowledgements } from '../messaging/snapshot';
import type { PageState, TabState } from '../messaging/responses';
import type { Handlers, Sender } from '../messaging/router';
import type { CompiledPolicy } from '../policy/compile';
import { createMatcher, decide, decisionFor, type Matcher } from '../policy/decide';
import { frameOutcome } from '../policy/dnr-match';
import { parseHttpUrl } from '../policy/pattern';
import { installedRules } from '../platform/network-rules';
import type { EventRecord } from '../platform/database';
import { showTabState } from '../platform/badge';
import { appendEvent, readEvents } from '../platform/event-log';
import { describeBrowser } from '../status/diagnostics';
import { extensionPageInTab } from '../platform/tab-contexts';
import {
  allowInTab,
  isAllowedInTab,
  markRequested,
  releaseInTab,
  wasRequested,
} from '../platform/tab-allowances';
import { NETWORK_STATE_KEY, readNetworkState } from '../status/network-state';
import { parseBlockedPageUrl } from '../shared/blocked-page-url';
import { createTranslate } from '../shared/i18n';
import { currentSnapshot, syncEarly } from './apply-policy';
import type { PolicySnapshot } from '../messaging/snapshot';
import { acceptProceedReason } from './proceed-reason';

const DAY = 86_400_000;

/** Logs what happened on an app; the app's action comes from the policy the caller already read. */
function record(
  compiled: CompiledPolicy,
  appId: string,
  outcome: EventRecord['outcome'],
  reason: Pick<EventRecord, 'reasonId' | 'reason'> = {},
): Promise<boolean> {
  const action = compiled.apps.find((app) => app.id === appId)?.action ?? 'allow';
  return appendEvent(
    { time: Date.now(), appId, action, outcome, ...reason },
    compiled.eventLogRetentionDays,
  );
}

let cached: { key: string; matcher: Matcher } | undefined;

/**
 * The matcher of the snapshot in force, indexed once per policy (not per message: a policy with
 * 10,000 apps costs milliseconds to index, a lookup microseconds).
 */
function matcherOf(snapshot: PolicySnapshot): Matcher {
  const key = `${String(snapshot.appliedAt)} ${snapshot.hash ?? snapshot.source}`;
  if (cached?.key !== key) cached = { key, matcher: createMatcher(snapshot.compiled.apps) };
  return cached.matcher;
}

/** The sender's tab, from any of its frames. */
function anyFrameTabOf(sender: Sender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('only a tab can send this');
  return tabId;
}

/** The sender's tab; only the top frame speaks for a tab (a page could frame the block page). */
function tabOf(sender: Sender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined || (sender.frameId ?? 0) !== 0)
    throw new Error("only a tab's top frame can send this");
  return tabId;
}

let serial: Promise<unknown> = Promise.resolve();

/** Runs read-modify-write updates of stored state one at a time (two tabs may act at once). */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = serial.catch(() => undefined).then(task);
  serial = run;
  return run;
}

/** What a tab shows: asks its content script, else looks for the block page in it. */
async function tabState(tabId: number): Promise<TabState> {
  const { compiled } = await currentSnapshot();
  try {
    const page: PageState | undefined = await browser.tabs.sendMessage(tabId, {
      signpost: 1,
      name: 'getPageState',
    });
    if (page?.appId) {
      const app = compiled.apps.find((a) => a.id === page.appId);
      if (page.isProceeded) return { state: 'proceeded', appId: page.appId };
      if (page.action === 'warn')
        return { state: 'warned', appId: page.appId, isAcknowledged: page.isAcknowledged };
      if (page.action === 'allow')
        return { state: app?.reason === 'approved' ? 'approved' : 'allowed', appId: page.appId };
    }
    if (page) return { state: 'none' };
  } catch {
    // No content script in that tab: not an app page, or Signpost's own block page.
  }
  const url = await extensionPageInTab(tabId);
  if (url?.startsWith(browser.runtime.getURL('/blocked.html'))) {
    const { appId } = parseBlockedPageUrl(url);
    if (appId) return { state: 'blocked', appId };
  }
  return { state: 'none' };
}

export const handlers: Handlers = {
  async getDecision({ url, appId }) {
    const snapshot = await currentSnapshot();
    const { compiled } = snapshot;
    let decision = decide(matcherOf(snapshot), url ?? '');
    const named = compiled.apps.find((app) => app.id === appId);
    if (decision.appId === null && named) decision = decisionFor(named);
    return { decision, organization: compiled.organization, locale: compiled.locale };
  },
  async acknowledgeWarning({ appId }) {
    const { compiled } = await currentSnapshot();
    const app = compiled.apps.find((a) => a.id === appId);
    if (app?.action !== 'warn') throw new Error('this app is not warned about');
    const until = Date.now() + app.warnings.acknowledgeForDays * DAY;
    await oneAtATime(async () => {
      const items = await browser.storage.local.get(ACKNOWLEDGED_KEY);
      await browser.storage.local.set({
        [ACKNOWLEDGED_KEY]: { ...readAcknowledgements(items[ACKNOWLEDGED_KEY]), [appId]: until },
      });
    });
    await Promise.all([record(compiled, appId, 'acknowledged'), syncEarly(compiled)]);
    return { until };
  },
  async recordAlternativeUse({ appId }) {
    return {
      recorded: await record((await currentSnapshot()).compiled, appId, 'used-alternative'),
    };
  },
  async reportPageState({ appId, action, isAcknowledged }, sender) {
    const tabId = tabOf(sender);
    const snapshot = await currentSnapshot();
    const t = createTranslate(snapshot.messages);
    const app = snapshot.compiled.apps.find((a) => a.id === appId);
    let state: TabState = { state: 'none' };
    if (app && action === 'warn') state = { state: 'warned', appId: app.id, isAcknowledged };
    if (app && action === 'block')
      state = {
        state: (await isAllowedInTab(tabId, app.id, Date.now())) ? 'proceeded' : 'blocked',
        appId: app.id,
      };
    if (app && action === 'allow')
      state = { state: app.reason === 'approved' ? 'approved' : 'allowed', appId: app.id };
    await Promise.all([
      showTabState(tabId, state, (name) => t(name, [app?.name ?? ''])),
      syncEarly(snapshot.compiled),
    ]);
    // Blocks are logged by openBlockedPage, which checks the address itself: a page cannot
    // report one.
    if (app && action === 'warn' && !isAcknowledged)
      await record(snapshot.compiled, app.id, 'warned');
    return { recorded: true };
  },
  async checkBlock({ url }, sender) {
    const snapshot = await currentSnapshot();
    const decision = decide(matcherOf(snapshot), url);
    if (decision.action !== 'block' || !decision.appId) return { isBlocked: false };
    const tabId = tabOf(sender);
    const isBlocked = !(await isAllowedInTab(tabId, decision.appId, Date.now()));
    // The page got past the network rules: its server has seen the request (block page says so).
    if (isBlocked) await markRequested(tabId, url);
    return { isBlocked };
  },
  async openBlockedPage({ url }, sender) {
    const tabId = anyFrameTabOf(sender);
    const snapshot = await currentSnapshot();
    const decision = decide(matcherOf(snapshot), url);
    const app = decision.app;
    if (app && decision.action === 'block' && !(await isAllowedInTab(tabId, app.id, Date.now()))) {
      const t = createTranslate(snapshot.messages);
      await Promise.all([
        showTabState(tabId, { state: 'blocked', appId: app.id }, (name) => t(name, [app.name])),
        record(snapshot.compiled, app.id, 'blocked'),
      ]);
      return { verdict: 'blocked', appId: app.id, wasRequested: await wasRequested(tabId, url) };
    }
    // Not blocked here. Only when one of Signpost's own rules sent the page here (a shared or
    // shortened rule, an escaped path, a tab that may continue) is exactly this address let
    // through and opened: a link to the block page never becomes a redirect to anywhere.
    const parsed = parseHttpUrl(url);
    if (!parsed || frameOutcome(await installedRules(), parsed.href, tabId) !== 'block-page')
      return { verdict: 'not-blocked' };
    await releaseInTab(tabId, parsed.href);
    return { verdict: 'open', url: parsed.href };
  },
  async proceedToApp({ appId, url, reasonId, reason }, sender) {
    const tabId = tabOf(sender);
    const snapshot = await currentSnapshot();
    const { compiled } = snapshot;
    const decision = decide(matcherOf(snapshot), url);
    const app = decision.app;
    // Only to the blocked app itself: never an open redirect.
    if (!app || app.id !== appId || decision.action !== 'block')
      throw new Error('the address does not belong to this blocked app');
    if (!app.warnings.allowProceed)
      throw new Error('your organisation does not allow continuing to this app');
    const kept = acceptProceedReason(app.warnings, { reasonId, reason });
    const until = await allowInTab(
      tabId,
      app,
      compiled,
      app.warnings.proceedForMinutes,
      Date.now(),
    );
    await record(compiled, app.id, 'proceeded', kept);
    return { url: new URL(url).href, until };
  },
  getTabState: ({ tabId }) => tabState(tabId),
  async getStatus() {
    const self = await browser.management.getSelf().catch(() => undefined);
    return {
      installation: {
        version: browser.runtime.getManifest().version,
        extensionId: browser.runtime.id,
        installType: self?.installType ?? 'unknown',
        browser: describeBrowser(navigator.userAgent),
      },
      eventLog: await readEvents(),
      networkRules: readNetworkState(
        (await browser.storage.local.get(NETWORK_STATE_KEY))[NETWORK_STATE_KEY],
      ),
    };
  },
  async getPolicyStatus() {
    const snapshot = await currentSnapshot();
    return {
      source: snapshot.source,
      issues: snapshot.issues,
      organization: snapshot.compiled.organization,
      ...(snapshot.receivedAt === undefined ? {} : { receivedAt: snapshot.receivedAt }),
      ...(snapshot.hash === undefined ? {} : { hash: snapshot.hash }),
      ...(snapshot.fallbackReason === undefined ? {} : { fallbackReason: snapshot.fallbackReason }),
    };
  },
};
