/**
 * The worker's wiring. Keeps no state only in memory: the policy snapshot and acknowledgements are
 * in storage.local, last-known-good and events in IndexedDB, tab allowances in storage.session.
 */
import { browser } from 'wxt/browser';
import { routeMessage, type Sender } from '../messaging/router';
import { watchManagedPolicy } from '../platform/managed-policy';
import { EXPIRY_ALARM, expireAllowances, forgetTab } from '../platform/tab-allowances';
import { applyPolicy } from './apply-policy';
import { handlers } from './handlers';

export { applyPolicy } from './apply-policy';

/** Registers every listener synchronously, as MV3 requires for a worker woken by an event. */
export function startWorker(): void {
  browser.runtime.onInstalled.addListener(() => void applyPolicy());
  browser.runtime.onStartup.addListener(() => void applyPolicy());
  watchManagedPolicy(() => void applyPolicy());
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(() => undefined));
  // "Continue anyway" for a limited time: when it ends, the open page is checked again.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== EXPIRY_ALARM) return;
    void expireAllowances(Date.now()).then((tabs) =>
      Promise.all(
        tabs.map((tabId) =>
          browser.tabs.sendMessage(tabId, { signpost: 1, name: 'recheckPage' }).catch(() => null),
        ),
      ),
    );
  });
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  // webextension-polyfill sends a returned promise's value as the reply, in Chrome and Firefox.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) =>
    routeMessage(message, sender, { extensionId: browser.runtime.id, extensionOrigin, handlers }),
  );
}
