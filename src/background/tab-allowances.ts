/**
 * What one tab may open despite the network rules, as session-scoped declarativeNetRequest allow
 * rules the browser forgets with the session:
 * - "continue anyway": one blocked app, for `warnings.proceedForMinutes` (0: until the browser
 *   closes), at a priority just above that app's own block rules and below any more specific app's
 *   (rule-plan.ts layers), so it never lets a different blocked app through;
 * - releases: one exact address the block page found not blocked after a rule sent it there
 *   (a shared or shortened rule, a percent-escaped path).
 * No regex is used (but to release an address holding `*`, `^` or `|`), so the browser's 1,000
 * regex rules stay free for the policy. The records live in
 * `storage.session` (no state only in worker memory); changes run one at a time. Browser access
 * goes through the ports (ports.ts).
 */
import type { CompiledApp, CompiledPolicy } from '../policy/compile';
import {
  ALL_TYPES,
  exactUrlFilter,
  FRAME_TYPES,
  patternUrlFilters,
  type DnrRule,
} from '../policy/dnr-rules';
import { layerPriority, RELEASE_PRIORITY } from '../policy/rule-plan';
import { claimsOf, layerClaims } from '../policy/rule-layers';
import type { WorkerPorts } from './ports';

const ALLOWANCES = 'tabAllowances';
const RELEASES = 'tabReleases';
const REQUESTED = 'tabRequested';
/** The alarm that ends time-limited allowances. */
export const EXPIRY_ALARM = 'signpost-allowance-expiry';
/** Releases kept at most (oldest go first). */
const MAX_RELEASES = 100;

type Allowance = { until: number | null; ruleIds: number[] };
type Allowances = Record<string, Record<string, Allowance>>;
type Release = { tabId: number; url: string; ruleId: number };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads stored allowances defensively (an older build's or a corrupt record is dropped item by item). */
function toAllowances(value: unknown): Allowances {
  const allowances: Allowances = {};
  if (!isRecord(value)) return allowances;
  for (const [tab, apps] of Object.entries(value)) {
    if (!isRecord(apps)) continue;
    const kept: Record<string, Allowance> = {};
    for (const [appId, entry] of Object.entries(apps)) {
      if (!isRecord(entry)) continue;
      const until = typeof entry.until === 'number' ? entry.until : null;
      const ruleIds = Array.isArray(entry.ruleIds)
        ? entry.ruleIds.filter((id): id is number => typeof id === 'number')
        : [];
      kept[appId] = { until, ruleIds };
    }
    allowances[tab] = kept;
  }
  return allowances;
}

function toReleases(value: unknown): Release[] {
  return Array.isArray(value)
    ? value.filter(
        (r): r is Release =>
          isRecord(r) &&
          typeof r.tabId === 'number' &&
          typeof r.url === 'string' &&
          typeof r.ruleId === 'number',
      )
    : [];
}

/** The allow rules that let `app` through in `tabId`, one per pattern it wins. */
function allowRules(policy: CompiledPolicy, app: CompiledApp, tabId: number, firstId: number) {
  const claims = layerClaims(claimsOf(policy.apps)).filter((claim) => claim.app.id === app.id);
  const rules: DnrRule[] = [];
  for (const claim of claims) {
    const conditions =
      claim.pattern.path === ''
        ? [{ requestDomains: [claim.pattern.host] }]
        : patternUrlFilters(claim.pattern).map((urlFilter) => ({ urlFilter }));
    for (const condition of conditions)
      rules.push({
        id: firstId + rules.length,
        priority: layerPriority(claim.layer) + 1,
        action: { type: 'allow' },
        condition: {
          ...condition,
          tabIds: [tabId],
          isUrlFilterCaseSensitive: false,
          resourceTypes: [...ALL_TYPES],
        },
      });
  }
  return rules;
}

/** A rule that lets the page load of exactly `url` through in `tabId`. */
function releaseRule(tabId: number, url: string, id: number): DnrRule {
  const exact = exactUrlFilter(url);
  const condition = exact
    ? { urlFilter: exact }
    : { regexFilter: `^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` };
  return {
    id,
    priority: RELEASE_PRIORITY,
    action: { type: 'allow' },
    condition: {
      ...condition,
      tabIds: [tabId],
      isUrlFilterCaseSensitive: true,
      resourceTypes: [...FRAME_TYPES],
    },
  };
}

/** What one tab may open despite the rules; see the module comment. */
export type TabAllowances = ReturnType<typeof createTabAllowances>;

/** The tab allowances on `ports` (session storage, session rules, alarms). */
export function createTabAllowances(ports: WorkerPorts) {
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs read-modify-write changes of the session records one at a time. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.catch(() => undefined).then(task);
    queue = run;
    return run;
  };
  const readAllowances = async () => toAllowances(await ports.session.get(ALLOWANCES));
  const readReleases = async () => toReleases(await ports.session.get(RELEASES));
  const nextRuleId = async () =>
    Math.max(0, ...(await ports.network.session.getRules()).map((rule) => rule.id)) + 1;

  /** Sets the expiry alarm to the earliest end of a time-limited allowance (or clears it). */
  const scheduleExpiry = (allowances: Allowances) => {
    const ends = Object.values(allowances).flatMap((apps) =>
      Object.values(apps).flatMap((entry) => (entry.until === null ? [] : [entry.until])),
    );
    return ports.setAlarm(EXPIRY_ALARM, ends.length === 0 ? null : Math.min(...ends));
  };

  return {
    /** Whether `appId` may be opened in `tabId` now ("continue anyway" given, not expired). */
    async isAllowed(tabId: number, appId: string): Promise<boolean> {
      const entry = (await readAllowances())[String(tabId)]?.[appId];
      return entry !== undefined && (entry.until === null || entry.until > ports.now());
    },

    /**
     * Lets `app` through in `tabId` for `minutes` (0: until the browser closes). Resolves to when
     * it ends (null: with the session).
     */
    allow(tabId: number, app: CompiledApp, policy: CompiledPolicy, minutes: number) {
      return serial(async () => {
        const allowances = await readAllowances();
        const previous = allowances[String(tabId)]?.[app.id];
        const rules = ports.network.adapt(allowRules(policy, app, tabId, await nextRuleId()));
        await ports.network.session.updateRules({
          removeRuleIds: previous?.ruleIds ?? [],
          addRules: rules,
        });
        const until = minutes > 0 ? ports.now() + minutes * 60_000 : null;
        allowances[String(tabId)] = {
          ...allowances[String(tabId)],
          [app.id]: { until, ruleIds: rules.map((r) => r.id) },
        };
        await ports.session.set({ [ALLOWANCES]: allowances });
        await scheduleExpiry(allowances);
        return until;
      });
    },

    /** Ends the allowances whose time is up; resolves to the tabs they were in. */
    expire(): Promise<number[]> {
      return serial(async () => {
        const now = ports.now();
        const removeRuleIds: number[] = [];
        const tabs = new Set<number>();
        const kept: Allowances = {};
        for (const [tab, apps] of Object.entries(await readAllowances())) {
          const keptApps: Record<string, Allowance> = {};
          for (const [appId, entry] of Object.entries(apps)) {
            if (entry.until === null || entry.until > now) keptApps[appId] = entry;
            else {
              removeRuleIds.push(...entry.ruleIds);
              tabs.add(Number(tab));
            }
          }
          kept[tab] = keptApps;
        }
        if (removeRuleIds.length > 0) {
          await ports.network.session.updateRules({ removeRuleIds });
          await ports.session.set({ [ALLOWANCES]: kept });
        }
        await scheduleExpiry(kept);
        return [...tabs];
      });
    },

    /**
     * Lets the page load of exactly `url` through in `tabId` (the block page found it not blocked).
     * Case-sensitive and anchored at both ends; the oldest releases go past MAX_RELEASES.
     */
    release(tabId: number, url: string): Promise<void> {
      return serial(async () => {
        const releases = await readReleases();
        if (releases.some((r) => r.tabId === tabId && r.url === url)) return;
        const ruleId = await nextRuleId();
        const evicted = releases.length >= MAX_RELEASES ? releases.splice(0, 1) : [];
        await ports.network.session.updateRules({
          removeRuleIds: evicted.map((r) => r.ruleId),
          addRules: ports.network.adapt([releaseRule(tabId, url, ruleId)]),
        });
        releases.push({ tabId, url, ruleId });
        await ports.session.set({ [RELEASES]: releases });
      });
    },

    /** Notes that `url` was loaded in `tabId` before Signpost sent it to the block page. */
    markRequested(tabId: number, url: string): Promise<void> {
      return serial(async () => {
        const value = await ports.session.get(REQUESTED);
        await ports.session.set({
          [REQUESTED]: { ...(isRecord(value) ? value : {}), [String(tabId)]: url },
        });
      });
    },

    /** Whether the page at `url` in `tabId` was requested from its server before being blocked. */
    async wasRequested(tabId: number, url: string): Promise<boolean> {
      const value = await ports.session.get(REQUESTED);
      return isRecord(value) && value[String(tabId)] === url;
    },

    /** Forgets a closed tab: its allowances, releases and their rules. */
    forget(tabId: number): Promise<void> {
      return serial(async () => {
        const allowances = await readAllowances();
        const releases = await readReleases();
        const ruleIds = [
          ...Object.values(allowances[String(tabId)] ?? {}).flatMap((entry) => entry.ruleIds),
          ...releases.filter((r) => r.tabId === tabId).map((r) => r.ruleId),
        ];
        if (ruleIds.length > 0) await ports.network.session.updateRules({ removeRuleIds: ruleIds });
        const rest = Object.fromEntries(
          Object.entries(allowances).filter(([tab]) => tab !== String(tabId)),
        );
        await ports.session.set({
          [ALLOWANCES]: rest,
          [RELEASES]: releases.filter((r) => r.tabId !== tabId),
        });
        await scheduleExpiry(rest);
      });
    },
  };
}
