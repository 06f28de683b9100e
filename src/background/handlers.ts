/**
 * The worker's answers to the message contract (messaging/protocol.ts). Every request arrives
 * already validated by the router; the browser is reached only through the ports, so every
 * handler runs in tests against in-memory ports (tests/integration).
 */
import { ACKNOWLEDGED_KEY, readAcknowledgements, type PolicySnapshot } from '../messaging/snapshot';
import { toContent, type PageState, type TabState } from '../messaging/protocol';
import type { Delivery, Handlers, Sender } from '../messaging/router';
import type { CompiledPolicy } from '../policy/compile';
import { createMatcher, decide, type Matcher } from '../policy/decide';
import { frameOutcome } from '../policy/dnr-match';
import { parseHttpUrl } from '../policy/pattern';
import { acceptProceedReason } from '../policy/proceed-reason';
import { parseBlockedPageUrl } from '../shared/blocked-page-url';
import { createTranslate } from '../shared/i18n';
import type { EventRecord } from '../status/event-record';
import { FETCH_STATE_KEY, readFetchState } from '../status/fetch-state';
import { NETWORK_STATE_KEY, readNetworkState } from '../status/network-state';
import type { PolicyService } from './policy-service';
import type { WorkerPorts } from './ports';
import type { Reporting } from './reporting';
import type { TabAllowances } from './tab-allowances';

const DAY = 86_400_000;

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

/** The worker's services the handlers use. */
export type HandlerServices = {
  policy: PolicyService;
  allowances: TabAllowances;
  reporting: Reporting;
};

/** The message handlers on `ports`. */
export function createHandlers(ports: WorkerPorts, services: HandlerServices): Handlers {
  const { policy, allowances, reporting } = services;
  let cached: { key: string; matcher: Matcher } | undefined;
  /**
   * The matcher of the snapshot in force, indexed once per policy (not per message: a policy
   * with 10,000 apps costs milliseconds to index, a lookup microseconds). A cache only: the
   * snapshot itself lives in storage.
   */
  const matcherOf = (snapshot: PolicySnapshot): Matcher => {
    const key = `${String(snapshot.appliedAt)} ${snapshot.hash ?? snapshot.source}`;
    if (cached?.key !== key) cached = { key, matcher: createMatcher(snapshot.compiled.apps) };
    return cached.matcher;
  };

  /** Logs what happened on an app; a log that cannot be written is recorded as degraded. */
  const record = async (
    compiled: CompiledPolicy,
    appId: string,
    outcome: EventRecord['outcome'],
    delivery: Delivery,
    reason: Pick<EventRecord, 'reasonId' | 'reason'> = {},
  ): Promise<boolean> => {
    const action = compiled.apps.find((app) => app.id === appId)?.action ?? 'allow';
    const retention = compiled.eventLogRetentionDays;
    const event: EventRecord = { time: ports.now(), appId, action, outcome, ...reason };
    // A message retried after a worker restart is logged and counted once.
    const written = await ports.database.appendEvent(event, retention, delivery.id);
    if (written === 'duplicate') return true;
    // The fleet report counts it too (when the policy turns reporting on); never the typed text.
    await reporting.record(event, compiled.reporting);
    if (written === 'not-stored' && retention > 0)
      await policy.recordHealth({
        'event-log': { ok: false, error: 'the event could not be written to IndexedDB' },
      });
    return written === 'stored';
  };

  let serial: Promise<unknown> = Promise.resolve();
  /** Runs read-modify-write updates of stored state one at a time (two tabs may act at once). */
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = serial.catch(() => undefined).then(task);
    serial = run;
    return run;
  };

  /** What a tab shows: asks its content script, else looks for the block page in it. */
  const tabState = async (tabId: number): Promise<TabState> => {
    const { compiled } = await policy.current();
    let page: PageState | undefined;
    try {
      const reply = await ports.tabs.send(tabId, {
        signpost: 1,
        name: 'getPageState',
        request: {},
      });
      const parsed = toContent.getPageState.reply.safeParse(reply);
      page = parsed.success ? parsed.data : undefined;
    } catch {
      // No content script in that tab: not an app page, or Signpost's own block page.
    }
    if (page?.appId) {
      const app = compiled.apps.find((a) => a.id === page.appId);
      if (page.isProceeded) return { state: 'proceeded', appId: page.appId };
      if (page.action === 'warn')
        return { state: 'warned', appId: page.appId, isAcknowledged: page.isAcknowledged };
      if (page.action === 'allow')
        return { state: app?.reason === 'approved' ? 'approved' : 'allowed', appId: page.appId };
    }
    if (page) return { state: 'none' };
    const url = await ports.tabs.extensionPageIn(tabId);
    if (url?.startsWith(ports.extensionUrl('/blocked.html'))) {
      const { appId } = parseBlockedPageUrl(url);
      if (appId) return { state: 'blocked', appId };
    }
    return { state: 'none' };
  };

  const showState = (tabId: number, snapshot: PolicySnapshot, state: TabState, name: string) => {
    const t = createTranslate(snapshot.messages);
    return ports.tabs.showState(tabId, state, (message) => t(message, [name]));
  };

  return {
    async ensurePolicy() {
      return { appliedAt: (await policy.current()).appliedAt };
    },
    async acknowledgeWarning({ appId }, _sender, delivery) {
      const { compiled } = await policy.current();
      const app = compiled.apps.find((a) => a.id === appId);
      if (app?.action !== 'warn') throw new Error('this app is not warned about');
      const until = ports.now() + app.warnings.acknowledgeForDays * DAY;
      await oneAtATime(async () => {
        const stored = readAcknowledgements(await ports.local.get(ACKNOWLEDGED_KEY));
        await ports.local.set({ [ACKNOWLEDGED_KEY]: { ...stored, [appId]: until } });
      });
      await Promise.all([
        record(compiled, appId, 'acknowledged', delivery),
        policy.syncEarly(compiled),
      ]);
      return { until };
    },
    async recordAlternativeUse({ appId }, _sender, delivery) {
      return {
        recorded: await record(
          (await policy.current()).compiled,
          appId,
          'used-alternative',
          delivery,
        ),
      };
    },
    async reportPageState({ appId, action, isAcknowledged }, sender, delivery) {
      const tabId = tabOf(sender);
      const snapshot = await policy.current();
      const app = snapshot.compiled.apps.find((a) => a.id === appId);
      let state: TabState = { state: 'none' };
      if (app && action === 'warn') state = { state: 'warned', appId: app.id, isAcknowledged };
      if (app && action === 'block')
        state = {
          state: (await allowances.isAllowed(tabId, app.id)) ? 'proceeded' : 'blocked',
          appId: app.id,
        };
      if (app && action === 'allow')
        state = { state: app.reason === 'approved' ? 'approved' : 'allowed', appId: app.id };
      await Promise.all([
        showState(tabId, snapshot, state, app?.name ?? ''),
        policy.syncEarly(snapshot.compiled),
      ]);
      // Blocks are logged by openBlockedPage, which checks the address itself: a page cannot
      // report one.
      if (app && action === 'warn' && !isAcknowledged)
        await record(snapshot.compiled, app.id, 'warned', delivery);
      return { recorded: true };
    },
    async checkBlock({ url }, sender) {
      const snapshot = await policy.current();
      const decision = decide(matcherOf(snapshot), url);
      if (decision.action !== 'block' || !decision.appId) return { isBlocked: false };
      const tabId = tabOf(sender);
      const isBlocked = !(await allowances.isAllowed(tabId, decision.appId));
      // The page got past the network rules: its server has seen the request (the block page
      // says so).
      if (isBlocked) await allowances.markRequested(tabId, url);
      return { isBlocked };
    },
    async openBlockedPage({ url }, sender, delivery) {
      const tabId = anyFrameTabOf(sender);
      const snapshot = await policy.current();
      const decision = decide(matcherOf(snapshot), url);
      const app = decision.app;
      if (app && decision.action === 'block' && !(await allowances.isAllowed(tabId, app.id))) {
        await Promise.all([
          showState(tabId, snapshot, { state: 'blocked', appId: app.id }, app.name),
          record(snapshot.compiled, app.id, 'blocked', delivery),
        ]);
        return {
          verdict: 'blocked' as const,
          appId: app.id,
          wasRequested: await allowances.wasRequested(tabId, url),
        };
      }
      // Not blocked here. Only when one of Signpost's own rules sent the page here (a shared or
      // shortened rule, an escaped path, a tab that may continue) is exactly this address let
      // through and opened: a link to the block page never becomes a redirect to anywhere.
      const parsed = parseHttpUrl(url);
      const rules = await ports.network.dynamic.getRules();
      if (!parsed || frameOutcome(rules, parsed.href, tabId) !== 'block-page')
        return { verdict: 'not-blocked' as const };
      await allowances.release(tabId, parsed.href);
      return { verdict: 'open' as const, url: parsed.href };
    },
    async proceedToApp({ appId, url, reasonId, reason }, sender, delivery) {
      const tabId = tabOf(sender);
      const snapshot = await policy.current();
      const { compiled } = snapshot;
      const decision = decide(matcherOf(snapshot), url);
      const app = decision.app;
      // Only to the blocked app itself: never an open redirect.
      if (!app || app.id !== appId || decision.action !== 'block')
        throw new Error('the address does not belong to this blocked app');
      if (!app.warnings.allowProceed)
        throw new Error('your organisation does not allow continuing to this app');
      const kept = acceptProceedReason(app.warnings, { reasonId, reason });
      const until = await allowances.allow(tabId, app, compiled, app.warnings.proceedForMinutes);
      await record(compiled, app.id, 'proceeded', delivery, kept);
      return { url: new URL(url).href, until };
    },
    getTabState: ({ tabId }) => tabState(tabId),
    async getStatus() {
      const [installation, eventLog, network, health, central] = await Promise.all([
        ports.installation(),
        ports.database.readEvents(),
        ports.local.get(NETWORK_STATE_KEY),
        policy.health(),
        ports.local.get(FETCH_STATE_KEY),
      ]);
      return {
        installation,
        eventLog,
        networkRules: readNetworkState(network),
        health,
        centralPolicy: readFetchState(central),
      };
    },
    refreshPolicy() {
      return policy.refreshCentral();
    },
    getReporting: () => reporting.deliverState(),
    sendReportNow() {
      return reporting.deliver({ force: true });
    },
    async explainUrl({ url }) {
      const decision = decide(matcherOf(await policy.current()), url);
      return { appId: decision.appId, action: decision.action, reason: decision.reason };
    },
  };
}
