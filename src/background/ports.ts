/**
 * What the worker needs from the browser, as narrow interfaces ("ports"). The worker's logic
 * (handlers, policy service, network rules, tab allowances) takes these as parameters and never
 * imports `wxt/browser`; `src/platform/browser-ports.ts` implements them on the real browser and
 * `tests/integration/fake-ports.ts` in memory. Types only.
 */
import type { TabState } from '../messaging/protocol';
import type { DnrRule } from '../policy/dnr-rules';
import type { StoredPolicy } from '../policy/effective';
import type { RuleBudget } from '../policy/rule-plan';
import type { MessageTable } from '../shared/i18n';
import type { Installation } from '../status/diagnostics';
import type { EventRecord } from '../status/event-record';

/** A storage area (`storage.local`, `storage.session`): values are JSON. */
export type KeyValuePort = {
  get(key: string): Promise<unknown>;
  set(items: Record<string, unknown>): Promise<void>;
};

/** One declarativeNetRequest rule set (dynamic or session). */
export type RuleSetPort = {
  getRules(): Promise<DnrRule[]>;
  updateRules(change: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
};

/** declarativeNetRequest with this browser's limits and quirks. */
export type NetworkPort = {
  dynamic: RuleSetPort;
  session: RuleSetPort;
  /** This browser's limits. */
  budget(): RuleBudget;
  /** The regexes among `rules` this browser cannot compile (Chromium's isRegexSupported). */
  unsupportedRegexes(rules: readonly DnrRule[]): Promise<string[]>;
  /** `rules` in the form this browser accepts (resource types it knows). */
  adapt(rules: DnrRule[]): DnrRule[];
};

/** Content scripts registered at runtime, by id. */
export type ScriptsPort = {
  /** Registers `file` on `matches` under `id` (none when empty), replacing what was there. */
  sync(id: string, matches: string[], file: string): Promise<void>;
};

/** Whether a step worked, and the browser's words when it did not. */
export type Outcome = { ok: true } | { ok: false; error: string };

/** IndexedDB: the last-known-good policy and the event log. Every method reports, never throws. */
export type DatabasePort = {
  /** One record of a JSON store (`fetched`, `reporting`); null when absent. */
  readRecord(
    store: 'fetched' | 'reporting',
    key: string,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: string }>;
  /** Writes one record; null deletes it. */
  writeRecord(store: 'fetched' | 'reporting', key: string, value: unknown): Promise<Outcome>;
  readLastKnownGood(): Promise<
    { ok: true; stored: StoredPolicy | null } | { ok: false; error: string; stored: null }
  >;
  saveLastKnownGood(stored: StoredPolicy): Promise<Outcome>;
  /** Logs `event` once per `deliveryId` (messaging/delivery.ts); 'duplicate' when logged before. */
  appendEvent(
    event: EventRecord,
    retentionDays: number,
    deliveryId?: string,
  ): Promise<'stored' | 'duplicate' | 'not-stored'>;
  readEvents(limit?: number): Promise<{ available: boolean; events: EventRecord[] }>;
  pruneEvents(retentionDays: number, now: number): Promise<{ available: boolean }>;
};

/** Tabs, without the `tabs` permission. */
export type TabsPort = {
  /** A message to the content script in `tabId` (rejects when there is none). */
  send(tabId: number, message: unknown): Promise<unknown>;
  /** The URL of Signpost's own page in `tabId`, if it shows one. */
  extensionPageIn(tabId: number): Promise<string | undefined>;
  /** The toolbar icon's state for `tabId`. */
  showState(tabId: number, state: TabState, titleFor: (message: string) => string): Promise<void>;
};

/** An HTTP request the worker makes (the central policy, the organisation's collector). */
export type HttpRequest = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Reading stops past this many bytes: the request fails. */
  maxBytes: number;
  timeoutMs: number;
};

/** What came back; `bytes` is null for 304. */
export type HttpResponse = {
  status: number;
  /** After redirects. */
  url: string;
  etag?: string;
  contentType?: string;
  retryAfter?: string;
  bytes: Uint8Array | null;
};

/** Everything the worker's logic gets from the browser. */
export type WorkerPorts = {
  now(): number;
  local: KeyValuePort;
  session: KeyValuePort;
  /** The admin's policy as managed storage holds it (`{}` when none). */
  readManaged(): Promise<Record<string, unknown>>;
  database: DatabasePort;
  network: NetworkPort;
  scripts: ScriptsPort;
  tabs: TabsPort;
  /** Sets (`when`: epoch ms, then every `periodInMinutes`) or clears (null) a named alarm. */
  setAlarm(name: string, when: number | null, periodInMinutes?: number): Promise<void>;
  /**
   * An HTTP request without cookies or credentials; rejects with a reason a helpdesk can read
   * ("timed out after 10 s", "larger than 1 MB", the browser's network error).
   */
  http(request: HttpRequest): Promise<HttpResponse>;
  /** WebCrypto, for policy signatures. */
  subtle: SubtleCrypto;
  /** A random number in [0, 1) (the per-browser offset of periodic work). */
  random(): number;
  /** The UI strings for a policy `locale`. */
  loadStrings(locale: string): Promise<{ language: string; messages: MessageTable }>;
  installation(): Promise<Installation>;
  /** An extension page's URL (`runtime.getURL`). */
  extensionUrl(path: string): string;
};
