/**
 * The worker's wiring: the real browser's ports into the services and handlers, and every
 * listener registered synchronously, as MV3 requires for a worker woken by an event. Keeps no
 * state only in memory: the policy snapshot and acknowledgements are in storage.local,
 * last-known-good and events in IndexedDB, tab allowances in storage.session.
 */
import { browser } from 'wxt/browser';
import { routeMessage, type Sender } from '../messaging/router';
import { browserPorts } from '../platform/browser-ports';
import { watchManagedPolicy } from '../platform/managed-policy';
import { createHandlers } from './handlers';
import { REFRESH_ALARM } from './policy-fetch';
import { createPolicyService } from './policy-service';
import { createReporting, REPORT_ALARM, RETRY_ALARM } from './reporting';
import { createTabAllowances, EXPIRY_ALARM } from './tab-allowances';

const describeError = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);

/** Starts the worker: builds the services on the browser and listens. */
export function startWorker(): void {
  const ports = browserPorts();
  const policy = createPolicyService(ports);
  const allowances = createTabAllowances(ports);
  const reporting = createReporting(ports, policy);
  const handlers = createHandlers(ports, { policy, allowances, reporting });
  // What escapes every catch reaches the status page, not only the worker's console.
  const unexpected = (error: unknown) =>
    void policy
      .recordHealth({ unexpected: { ok: false, error: describeError(error) } })
      .catch(() => undefined);
  addEventListener('error', (event) => unexpected(event.error ?? event.message));
  addEventListener('unhandledrejection', (event) => unexpected(event.reason));

  // Apply what is stored at once; then fetch the central policy (if any) and apply its changes.
  const start = () =>
    void policy
      .apply()
      .then(() => Promise.all([policy.refreshCentral(), reporting.schedule()]))
      .catch(() => undefined);
  browser.runtime.onInstalled.addListener(start);
  browser.runtime.onStartup.addListener(start);
  watchManagedPolicy(start);
  browser.tabs.onRemoved.addListener(
    (tabId) => void allowances.forget(tabId).catch(() => undefined),
  );
  // "Continue anyway" for a limited time: when it ends, the open page is checked again.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void policy.refreshCentral();
    if (alarm.name === REPORT_ALARM || alarm.name === RETRY_ALARM) void reporting.deliver();
    if (alarm.name !== EXPIRY_ALARM) return;
    void allowances
      .expire()
      .then((tabs) =>
        Promise.all(
          tabs.map((tabId) =>
            ports.tabs
              .send(tabId, { signpost: 1, name: 'recheckPage', request: {} })
              .catch(() => null),
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
