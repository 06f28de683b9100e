/**
 * The worker's ports (background/ports.ts) on the real browser: the only place the worker's
 * browser access is wired. Quirks stay in their named adapters (rule-quirks.ts, badge.ts,
 * tab-contexts.ts, managed-policy.ts).
 */
import { browser } from 'wxt/browser';
import type { KeyValuePort, RuleSetPort, WorkerPorts } from '../background/ports';
import type { DnrRule } from '../policy/dnr-rules';
import { describeBrowser } from '../status/diagnostics';
import { showTabState } from './badge';
import { syncRegistration } from './content-scripts';
import { readLastKnownGood, readRecord, saveLastKnownGood, writeRecord } from './database';
import { appendEvent, pruneEvents, readEvents } from './event-log';
import { loadStrings } from './locales';
import { readManagedPolicy } from './managed-policy';
import { forThisBrowser, ruleBudget, unsupportedRegexes } from './rule-quirks';
import { httpRequest } from './http';
import { extensionPageInTab } from './tab-contexts';

type StorageArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

const keyValue = (area: StorageArea): KeyValuePort => ({
  get: async (key) => (await area.get(key))[key],
  set: (items) => area.set(items),
});

type Dnr = {
  getDynamicRules(): Promise<DnrRule[]>;
  updateDynamicRules(change: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  getSessionRules(): Promise<DnrRule[]>;
  updateSessionRules(change: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
};

/** The ports on `browser`. */
export function browserPorts(): WorkerPorts {
  const dnr = browser.declarativeNetRequest as unknown as Dnr;
  const dynamic: RuleSetPort = {
    getRules: () => dnr.getDynamicRules(),
    updateRules: (change) => dnr.updateDynamicRules(change),
  };
  const session: RuleSetPort = {
    getRules: () => dnr.getSessionRules(),
    updateRules: (change) => dnr.updateSessionRules(change),
  };
  return {
    now: () => Date.now(),
    local: keyValue(browser.storage.local),
    session: keyValue(browser.storage.session),
    readManaged: readManagedPolicy,
    database: {
      readLastKnownGood,
      saveLastKnownGood,
      readRecord,
      writeRecord,
      appendEvent: (event, retentionDays, deliveryId) =>
        appendEvent(event, retentionDays, deliveryId),
      readEvents: (limit) => readEvents(limit),
      pruneEvents,
    },
    network: {
      dynamic,
      session,
      budget: ruleBudget,
      unsupportedRegexes,
      adapt: forThisBrowser,
    },
    scripts: { sync: syncRegistration },
    tabs: {
      send: (tabId, message) => browser.tabs.sendMessage(tabId, message),
      extensionPageIn: extensionPageInTab,
      showState: showTabState,
    },
    setAlarm: async (name, when, periodInMinutes) => {
      if (when === null) await browser.alarms.clear(name);
      else
        await browser.alarms.create(name, {
          when,
          ...(periodInMinutes ? { periodInMinutes } : {}),
        });
    },
    http: httpRequest,
    subtle: crypto.subtle,
    random: () => Math.random(),
    loadStrings,
    installation: async () => {
      const self = await browser.management.getSelf().catch(() => undefined);
      return {
        version: browser.runtime.getManifest().version,
        extensionId: browser.runtime.id,
        installType: self?.installType ?? 'unknown',
        browser: describeBrowser(navigator.userAgent),
      };
    },
    extensionUrl: (path) => browser.runtime.getURL(path as '/'),
  };
}
