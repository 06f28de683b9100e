/**
 * What one tab may open despite the network rules, as session-scoped declarativeNetRequest allow
 * rules the browser forgets with the session:
 * - "continue anyway": one blocked app, for `warnings.proceedForMinutes` (0: until the browser
 *   closes), at a priority just above that app's own block rules and below any more specific app's
 *   (rule-plan.ts layers), so it never lets a different blocked app through;
 * - releases: one exact address the block page found not blocked after a rule sent it there
 *   (a shared or shortened rule, a percent-escaped path).
 * No regex is used, so none of the browser's 1,000 regex rules is taken. The records live in
 * `storage.session` (no state only in worker memory); changes run one at a time.
 */
import { browser } from 'wxt/browser';
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
import { forThisBrowser } from './rule-quirks';

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

type SessionDnr = {
  getSessionRules(): Promise<{ id: number; condition: { tabIds?: number[] } }[]>;
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
};
const dnr = () => browser.declarativeNetRequest as unknown as SessionDnr;

let queue: Promise<unknown> = Promise.resolve();
/** Runs read-modify-write changes of the session records one at a time. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.catch(() => undefined).then(task);
  queue = run;
  return run;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function readAllowances(): Promise<Allowances> {
  const value = (await browser.storage.session.get(ALLOWANCES))[ALLOWANCES];
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

async function readReleases(): Promise<Release[]> {
  const value = (await browser.storage.session.get(RELEASES))[RELEASES];
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

async function nextRuleId(): Promise<number> {
  const existing = await dnr().getSessionRules();
  return Math.max(0, ...existing.map((rule) => rule.id)) + 1;
}

/** Whether `appId` may be opened in `tabId` now ("continue anyway" given and not expired). */
export async function isAllowedInTab(tabId: number, appId: string, now: number): Promise<boolean> {
  const entry = (await readAllowances())[String(tabId)]?.[appId];
  return entry !== undefined && (entry.until === null || entry.until > now);
}

/** The allow rules that let `app` through in `tabId`, one per pattern it wins. */
function allowRules(policy: CompiledPolicy, app: CompiledApp, tabId: number, firstId: number) {
  const claims = layerClaims(claimsOf(policy.apps)).filter((claim) => claim.app.id === app.id);
  const rules: DnrRule[] = [];
  for (const claim of claims) {
    const base = {
      priority: layerPriority(claim.layer) + 1,
      action: { type: 'allow' as const },
    };
    const conditions =
      claim.pattern.path === ''
        ? [{ requestDomains: [claim.pattern.host] }]
        : patternUrlFilters(claim.pattern).map((urlFilter) => ({ urlFilter }));
    for (const condition of conditions)
      rules.push({
        id: firstId + rules.length,
        ...base,
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

/**
 * Lets `app` through in `tabId` for `minutes` (0: until the browser closes). Resolves to when it
 * ends (null: with the session).
 */
export function allowInTab(
  tabId: number,
  app: CompiledApp,
  policy: CompiledPolicy,
  minutes: number,
  now: number,
): Promise<number | null> {
  return serial(async () => {
    const allowances = await readAllowances();
    const previous = allowances[String(tabId)]?.[app.id];
    const rules = forThisBrowser(allowRules(policy, app, tabId, await nextRuleId()));
    await dnr().updateSessionRules({
      removeRuleIds: previous?.ruleIds ?? [],
      addRules: rules,
    });
    const until = minutes > 0 ? now + minutes * 60_000 : null;
    allowances[String(tabId)] = {
      ...allowances[String(tabId)],
      [app.id]: { until, ruleIds: rules.map((r) => r.id) },
    };
    await browser.storage.session.set({ [ALLOWANCES]: allowances });
    await scheduleExpiry(allowances);
    return until;
  });
}

/** Sets the expiry alarm to the earliest end of a time-limited allowance (or clears it). */
async function scheduleExpiry(allowances: Allowances): Promise<void> {
  const ends = Object.values(allowances).flatMap((apps) =>
    Object.values(apps).flatMap((entry) => (entry.until === null ? [] : [entry.until])),
  );
  if (ends.length === 0) await browser.alarms.clear(EXPIRY_ALARM);
  else await browser.alarms.create(EXPIRY_ALARM, { when: Math.min(...ends) });
}

/** Ends the allowances whose time is up; resolves to the tabs they were in. */
export function expireAllowances(now: number): Promise<number[]> {
  return serial(async () => {
    const allowances = await readAllowances();
    const removeRuleIds: number[] = [];
    const tabs = new Set<number>();
    const kept: Allowances = {};
    for (const [tab, apps] of Object.entries(allowances)) {
      kept[tab] = {};
      for (const [appId, entry] of Object.entries(apps)) {
        if (entry.until === null || entry.until > now) {
          kept[tab][appId] = entry;
          continue;
        }
        removeRuleIds.push(...entry.ruleIds);
        tabs.add(Number(tab));
      }
    }
    if (removeRuleIds.length > 0) {
      await dnr().updateSessionRules({ removeRuleIds });
      await browser.storage.session.set({ [ALLOWANCES]: kept });
    }
    await scheduleExpiry(kept);
    return [...tabs];
  });
}

/**
 * Lets the page load of exactly `url` through in `tabId` (the block page found it not blocked).
 * The rule is case-sensitive and anchored at both ends.
 */
export function releaseInTab(tabId: number, url: string): Promise<void> {
  return serial(async () => {
    const releases = await readReleases();
    if (releases.some((r) => r.tabId === tabId && r.url === url)) return;
    const ruleId = await nextRuleId();
    const exact = exactUrlFilter(url);
    const condition = exact
      ? { urlFilter: exact }
      : { regexFilter: `^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` };
    const evicted = releases.length >= MAX_RELEASES ? releases.splice(0, 1) : [];
    await dnr().updateSessionRules({
      removeRuleIds: evicted.map((r) => r.ruleId),
      addRules: forThisBrowser([
        {
          id: ruleId,
          priority: RELEASE_PRIORITY,
          action: { type: 'allow' },
          condition: {
            ...condition,
            tabIds: [tabId],
            isUrlFilterCaseSensitive: true,
            resourceTypes: [...FRAME_TYPES],
          },
        },
      ]),
    });
    releases.push({ tabId, url, ruleId });
    await browser.storage.session.set({ [RELEASES]: releases });
  });
}

/** Notes that `url` was loaded in `tabId` before Signpost sent it to the block page. */
export async function markRequested(tabId: number, url: string): Promise<void> {
  const value = (await browser.storage.session.get(REQUESTED))[REQUESTED];
  await browser.storage.session.set({
    [REQUESTED]: { ...(isRecord(value) ? value : {}), [String(tabId)]: url },
  });
}

/** Whether the page at `url` in `tabId` was requested from its server before being blocked. */
export async function wasRequested(tabId: number, url: string): Promise<boolean> {
  const value = (await browser.storage.session.get(REQUESTED))[REQUESTED];
  return isRecord(value) && value[String(tabId)] === url;
}

/** Forgets a closed tab: its allowances, releases and their rules. */
export function forgetTab(tabId: number): Promise<void> {
  return serial(async () => {
    const allowances = await readAllowances();
    const releases = await readReleases();
    const ruleIds = [
      ...Object.values(allowances[String(tabId)] ?? {}).flatMap((entry) => entry.ruleIds),
      ...releases.filter((r) => r.tabId === tabId).map((r) => r.ruleId),
    ];
    if (ruleIds.length > 0) await dnr().updateSessionRules({ removeRuleIds: ruleIds });
    const rest = Object.fromEntries(
      Object.entries(allowances).filter(([tab]) => tab !== String(tabId)),
    );
    await browser.storage.session.set({
      [ALLOWANCES]: rest,
      [RELEASES]: releases.filter((r) => r.tabId !== tabId),
    });
    await scheduleExpiry(rest);
  });
}
