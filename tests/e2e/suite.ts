/** Shared setup of the employee-facing E2E suites: fake app server, browser session, policy file. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  launchBrowser,
  requireEnvironment,
  startFakeApps,
  waitForPolicy,
  writeManagedPolicy,
  writePolicyFile,
  type FakeApps,
  type Session,
} from './harness';
import type { Route } from './fake-apps';

/** The extension API inside the worker, as far as these tests use it. */
declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
  };
  tabs: { query(filter: object): Promise<{ id?: number }[]> };
};

export const ORG = {
  name: 'Gemeente Voorbeeld',
  supportUrl: 'https://helpdesk.voorbeeld.example/',
  supportEmail: 'servicedesk@voorbeeld.example',
};

/**
 * Registers the hooks of a suite; `start` writes the policy and opens a browser on it. `route`
 * serves some hosts itself (a central policy server, an OTLP collector).
 */
export function useBrowserSuite(route?: Route) {
  let apps: FakeApps | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    requireEnvironment(); // before the first policy file is written: it makes the folder
    apps = await startFakeApps(new Map(), 0, route);
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
    writeManagedPolicy(null);
    if (apps) apps.requests.length = 0;
  });
  afterAll(async () => {
    writeManagedPolicy(null);
    await apps?.close();
  });
  return {
    /** Requests the fake server received for `host` (a trailing dot counts as the same host). */
    requestsTo: (host: string): { host: string; url: string }[] =>
      (apps?.requests ?? []).filter((r) => r.host.replace(/\.$/, '') === host),
    /** Writes `policy` as the managed file (null: none), starts the browser, waits for `source`. */
    start: async (
      policy: unknown,
      options: { source?: string; profile?: string; file?: string } = {},
    ): Promise<Session> => {
      if (!apps) throw new Error('suite not started');
      if (options.file === undefined) writeManagedPolicy(policy);
      else writePolicyFile(options.file);
      session = await launchBrowser(apps, options.profile ? { profile: options.profile } : {});
      await waitForPolicy(session, (s) => s.source === (options.source ?? 'managed'));
      return session;
    },
  };
}

/** The worker of a running session (Signpost's service worker). */
export function workerOf(session: Session) {
  const worker = session.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  return worker;
}

/** The employee's stored acknowledgements (app id → hidden until). */
export async function storedAcknowledgements(session: Session): Promise<Record<string, number>> {
  return workerOf(session).evaluate(
    async () =>
      ((await chrome.storage.local.get('acknowledged')).acknowledged ?? {}) as Record<
        string,
        number
      >,
  );
}

/** Moves an acknowledgement into the past, as if its days had gone by. */
export async function expireAcknowledgement(session: Session, appId: string): Promise<void> {
  await workerOf(session).evaluate(async (id) => {
    await chrome.storage.local.set({ acknowledged: { [id]: Date.now() - 1000 } });
  }, appId);
}

/** The id of the active tab, as the worker sees it (no tabs permission needed for ids). */
export async function activeTabId(session: Session): Promise<number> {
  return workerOf(session).evaluate(
    async () => (await chrome.tabs.query({ active: true }))[0]?.id ?? -1,
  );
}

/** Every event in the local log, straight from IndexedDB. */
export async function loggedEvents(session: Session): Promise<unknown[]> {
  return workerOf(session).evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('signpost');
        open.onerror = () => reject(open.error ?? new Error('indexedDB'));
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => resolve(all.result as unknown[]);
        };
      }),
  );
}
