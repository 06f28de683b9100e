/**
 * The worker's ports in memory, for the integration tests: storage areas, rule sets that refuse
 * what Chromium refuses (rule counts, regex count across dynamic and session rules), script
 * registrations, tabs with stand-in content scripts, alarms, a clock. Each part can be made to
 * fail the way the browser fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  HttpRequest,
  HttpResponse,
  KeyValuePort,
  RuleSetPort,
  WorkerPorts,
} from '../../src/background/ports';
import type { TabState } from '../../src/messaging/protocol';
import type { DnrRule } from '../../src/policy/dnr-rules';
import type { StoredPolicy } from '../../src/policy/effective';
import { CHROMIUM_BUDGET } from '../../src/policy/rule-plan';
import { chooseLanguage, toMessageTable, type MessageEntry } from '../../src/shared/i18n';
import type { EventRecord } from '../../src/status/event-record';

export const EXTENSION = 'chrome-extension://iibcgklibnmbknlhgijglbbcalghaboe';

class Store implements KeyValuePort {
  readonly items = new Map<string, unknown>();
  failWith: string | undefined;
  get(key: string) {
    return Promise.resolve(structuredClone(this.items.get(key)));
  }
  set(items: Record<string, unknown>) {
    if (this.failWith) return Promise.reject(new Error(this.failWith));
    for (const [key, value] of Object.entries(items)) this.items.set(key, structuredClone(value));
    return Promise.resolve();
  }
}

class Rules implements RuleSetPort {
  rules: DnrRule[] = [];
  constructor(
    private readonly limit: number,
    private readonly regexInUse: () => number,
    private readonly name: string,
  ) {}
  getRules() {
    return Promise.resolve(structuredClone(this.rules));
  }
  updateRules(change: { removeRuleIds?: number[]; addRules?: DnrRule[] }) {
    const removed = new Set(change.removeRuleIds ?? []);
    const next = [...this.rules.filter((r) => !removed.has(r.id)), ...(change.addRules ?? [])];
    // All or nothing, as in Chromium.
    if (new Set(next.map((r) => r.id)).size !== next.length)
      return Promise.reject(new Error('Rule with id already exists.'));
    if (next.length > this.limit)
      return Promise.reject(new Error(`${this.name} rule count exceeded.`));
    const regex = next.filter((r) => r.condition.regexFilter !== undefined).length;
    const others = this.regexInUse() - this.rules.filter((r) => r.condition.regexFilter).length;
    if (regex + others > 1000)
      return Promise.reject(new Error(`${this.name} rule count for regex rules exceeded.`));
    this.rules = structuredClone(next);
    return Promise.resolve();
  }
}

/** The in-memory ports and the handles tests use to look inside or break them. */
export function createFakePorts() {
  let now = Date.UTC(2026, 11, 2, 9);
  const local = new Store();
  const session = new Store();
  const regexCount = () =>
    [...dynamic.rules, ...sessionRules.rules].filter((r) => r.condition.regexFilter).length;
  const dynamic: Rules = new Rules(30_000, regexCount, 'Dynamic');
  const sessionRules: Rules = new Rules(5_000, regexCount, 'Session');
  const scripts = new Map<string, string[]>();
  const alarms = new Map<string, number>();
  const periods = new Map<string, number>();
  let random = 0.25;
  const badges = new Map<number, TabState>();
  /** Stand-in content scripts: tab id → what the page answers to a message. */
  const pages = new Map<number, (message: unknown) => unknown>();
  const extensionPages = new Map<number, string>();
  const events: EventRecord[] = [];
  const deliveries = new Set<string>();
  const records = new Map<string, unknown>();
  /** Stand-in web servers: URL → response (or an error to throw). */
  const servers = new Map<string, (request: HttpRequest) => HttpResponse | Error>();
  const requests: HttpRequest[] = [];
  const db = {
    lastKnownGood: null as StoredPolicy | null,
    failWith: undefined as string | undefined,
  };
  let managed: Record<string, unknown> = {};
  const messages = (language: string) =>
    toMessageTable(
      JSON.parse(
        readFileSync(
          join(import.meta.dirname, `../../public/_locales/${language}/messages.json`),
          'utf8',
        ),
      ) as Record<string, MessageEntry>,
    );

  const ports: WorkerPorts = {
    now: () => now,
    local,
    session,
    readManaged: () => Promise.resolve(structuredClone(managed)),
    database: {
      readRecord: (store, key) =>
        Promise.resolve(
          db.failWith
            ? { ok: false as const, error: db.failWith }
            : { ok: true as const, value: structuredClone(records.get(`${store}/${key}`) ?? null) },
        ),
      writeRecord: (store, key, value) => {
        if (db.failWith) return Promise.resolve({ ok: false as const, error: db.failWith });
        if (value === null) records.delete(`${store}/${key}`);
        else records.set(`${store}/${key}`, structuredClone(value));
        return Promise.resolve({ ok: true as const });
      },
      readLastKnownGood: () =>
        Promise.resolve(
          db.failWith
            ? { ok: false as const, error: db.failWith, stored: null }
            : { ok: true as const, stored: structuredClone(db.lastKnownGood) },
        ),
      saveLastKnownGood: (stored) => {
        if (db.failWith) return Promise.resolve({ ok: false as const, error: db.failWith });
        db.lastKnownGood = structuredClone(stored);
        return Promise.resolve({ ok: true as const });
      },
      appendEvent: (event, retentionDays, deliveryId) => {
        if (db.failWith) return Promise.resolve('not-stored' as const);
        if (deliveryId !== undefined) {
          if (deliveries.has(deliveryId)) return Promise.resolve('duplicate' as const);
          deliveries.add(deliveryId);
        }
        if (retentionDays <= 0) return Promise.resolve('not-stored' as const);
        events.push(structuredClone(event));
        return Promise.resolve('stored' as const);
      },
      readEvents: () =>
        Promise.resolve(
          db.failWith
            ? { available: false, events: [] }
            : { available: true, events: [...events].reverse() },
        ),
      pruneEvents: (retentionDays, at) => {
        if (db.failWith) return Promise.resolve({ available: false });
        const cutoff = at - retentionDays * 86_400_000;
        const kept = retentionDays <= 0 ? [] : events.filter((e) => e.time >= cutoff);
        events.splice(0, events.length, ...kept);
        return Promise.resolve({ available: true });
      },
    },
    network: {
      dynamic,
      session: sessionRules,
      budget: () => CHROMIUM_BUDGET,
      unsupportedRegexes: () => Promise.resolve([]),
      adapt: (rules) => rules,
    },
    scripts: {
      sync: (id, matches) => {
        if (matches.length === 0) scripts.delete(id);
        else scripts.set(id, [...matches]);
        return Promise.resolve();
      },
    },
    tabs: {
      send: (tabId, message) => {
        const page = pages.get(tabId);
        return page
          ? Promise.resolve(page(message))
          : Promise.reject(
              new Error('Could not establish connection. Receiving end does not exist.'),
            );
      },
      extensionPageIn: (tabId) => Promise.resolve(extensionPages.get(tabId)),
      showState: (tabId, state) => {
        badges.set(tabId, state);
        return Promise.resolve();
      },
    },
    setAlarm: (name, when, periodInMinutes) => {
      if (when === null) alarms.delete(name);
      else alarms.set(name, when);
      if (periodInMinutes !== undefined) periods.set(name, periodInMinutes);
      return Promise.resolve();
    },
    http: (request) => {
      requests.push(structuredClone(request));
      const server = [...servers].find(([url]) => request.url === url)?.[1];
      if (!server) return Promise.reject(new Error('net::ERR_CONNECTION_REFUSED'));
      const response = server(request);
      return response instanceof Error ? Promise.reject(response) : Promise.resolve(response);
    },
    subtle: crypto.subtle,
    random: () => random,
    loadStrings: (locale) => {
      const language = chooseLanguage(locale, 'en-US');
      return Promise.resolve({ language, messages: messages(language) });
    },
    installation: () =>
      Promise.resolve({
        version: '0.0.0-test',
        extensionId: 'iibcgklibnmbknlhgijglbbcalghaboe',
        installType: 'admin',
        browser: 'Chromium 156',
      }),
    extensionUrl: (path) => `${EXTENSION}${path.startsWith('/') ? path : `/${path}`}`,
  };
  return {
    ports,
    local,
    session,
    dynamic,
    sessionRules,
    scripts,
    alarms,
    badges,
    pages,
    extensionPages,
    events,
    records,
    servers,
    requests,
    periods,
    db,
    setRandom: (value: number) => {
      random = value;
    },
    setManaged: (policy: Record<string, unknown>) => {
      managed = structuredClone(policy);
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export type FakePorts = ReturnType<typeof createFakePorts>;
