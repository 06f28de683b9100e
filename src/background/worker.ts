/**
 * The worker's wiring: managed storage → parse → last-known-good → snapshot for content scripts,
 * network rules and content-script registrations; and the message router. Keeps no state only in
 * memory: everything it needs after a restart is in storage.local or IndexedDB.
 */
import { browser } from 'wxt/browser';
import { routeMessage, type Handlers, type Sender } from '../messaging/router';
import { readSnapshot, SNAPSHOT_KEY, toSnapshot, type PolicySnapshot } from '../messaging/snapshot';
import { createMatcher, decide, decisionFor } from '../policy/decide';
import { resolvePolicy } from '../policy/effective';
import { syncCustomAppScripts } from '../platform/custom-app-scripts';
import { loadLastKnownGood, saveLastKnownGood } from '../platform/database';
import { readManagedPolicy, watchManagedPolicy } from '../platform/managed-policy';
import { syncBlockRules } from '../platform/network-rules';

let applying: Promise<PolicySnapshot> = Promise.resolve() as unknown as Promise<PolicySnapshot>;

/** Reads, validates and applies the policy; calls are queued so two never interleave. */
export function applyPolicy(): Promise<PolicySnapshot> {
  applying = applying
    .catch(() => undefined)
    .then(async () => {
      const [managed, lastKnownGood] = await Promise.all([
        readManagedPolicy(),
        loadLastKnownGood(),
      ]);
      const { effective, save } = resolvePolicy(managed, lastKnownGood, Date.now());
      if (save) await saveLastKnownGood(save);
      const snapshot = toSnapshot(effective, Date.now());
      await browser.storage.local.set({ [SNAPSHOT_KEY]: snapshot });
      await Promise.all([
        syncBlockRules(effective.compiled).catch((error: unknown) =>
          console.error('Signpost: network rules', error),
        ),
        syncCustomAppScripts(effective.compiled).catch((error: unknown) =>
          console.error('Signpost: content scripts', error),
        ),
      ]);
      return snapshot;
    });
  return applying;
}

/** The stored snapshot, applying the policy first if there is none yet. */
async function currentSnapshot(): Promise<PolicySnapshot> {
  const items = await browser.storage.local.get(SNAPSHOT_KEY);
  return readSnapshot(items[SNAPSHOT_KEY]) ?? applyPolicy();
}

const handlers: Handlers = {
  async getDecision({ url, appId }) {
    const { compiled } = await currentSnapshot();
    let decision = decide(createMatcher(compiled.apps), url ?? '');
    const named = compiled.apps.find((app) => app.id === appId);
    if (decision.appId === null && named) decision = decisionFor(named);
    return { decision, organization: compiled.organization, locale: compiled.locale };
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

/** Registers every listener synchronously, as MV3 requires for a worker woken by an event. */
export function startWorker(): void {
  browser.runtime.onInstalled.addListener(() => void applyPolicy());
  browser.runtime.onStartup.addListener(() => void applyPolicy());
  watchManagedPolicy(() => void applyPolicy());
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  // webextension-polyfill sends a returned promise's value as the reply, in Chrome and Firefox.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) =>
    routeMessage(message, sender, { extensionId: browser.runtime.id, extensionOrigin, handlers }),
  );
}
