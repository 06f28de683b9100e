/**
 * Real-browser harness: the built extension in Debian's Chromium, a real managed policy file under
 * /etc/chromium/policies/managed/, and the app hosts mapped to a local HTTPS server that counts
 * every request it receives.
 */
import { extensionIdFromPublicKey } from '../../src/release/extension-id.ts';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
export { readWarning, waitForWarning, type WarningView } from './warning-view.ts';
export { startFakeApps, type FakeApps, type ServedFile } from './fake-apps.ts';
import type { FakeApps } from './fake-apps.ts';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const POLICY_DIR = process.env.SIGNPOST_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'signpost-e2e.json');

/** The extension id, computed from the manifest key as Chromium does. */
export function extensionId(): string {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    key: string;
  };
  return extensionIdFromPublicKey(Buffer.from(manifest.key, 'base64'));
}

/** Fails loudly, with what to do, when the machine cannot run the real-browser tests. */
export function requireEnvironment(): string {
  const browserPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(browserPath)) {
    throw new Error(
      `Chromium not found at ${browserPath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}. Run "npm run build" first.`);
  }
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(join(POLICY_DIR, '.signpost-write-test'), '');
    rmSync(join(POLICY_DIR, '.signpost-write-test'));
  } catch {
    throw new Error(
      `Cannot write the managed policy file in ${POLICY_DIR}. Run the tests as root, or once: ` +
        `sudo mkdir -p ${POLICY_DIR} && sudo chown "$USER" ${POLICY_DIR}`,
    );
  }
  return browserPath;
}

/** Writes a whole Chromium policy file as an admin would deploy it (e.g. an exported one). */
export function writePolicyFile(contents: string): void {
  writeFileSync(POLICY_FILE, contents);
}

/** Writes (or with null removes) Signpost's managed policy, exactly as an admin's JSON file. */
export function writeManagedPolicy(policy: unknown): void {
  if (policy === null) {
    rmSync(POLICY_FILE, { force: true });
    return;
  }
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({ '3rdparty': { extensions: { [extensionId()]: policy } } }, null, 2),
  );
}

export type Session = {
  context: BrowserContext;
  worker: Worker;
  id: string;
  close(): Promise<void>;
};

/**
 * Starts Chromium with every host resolved to the fake app server and the built extension loaded
 * unpacked, or with `installedId`: nothing loaded, the extension with that id is expected to come
 * the way an admin deploys it (a force-install in the policy file).
 */
export async function launchBrowser(
  apps: FakeApps,
  options: { locale?: string; profile?: string; installedId?: string } = {},
): Promise<Session> {
  const executablePath = requireEnvironment();
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'signpost-profile-'));
  const id = options.installedId ?? extensionId();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    locale: options.locale ?? 'en-US',
    // Playwright's defaults turn extensions and extension downloads off; a policy install needs both.
    ...(options.installedId
      ? { ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'] }
      : {}),
    args: [
      ...(options.installedId
        ? []
        : [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      ...(options.installedId ? [] : ['--disable-background-networking']),
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      `--host-resolver-rules=MAP * 127.0.0.1:${apps.port}, EXCLUDE localhost`,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
  });
  const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${id}/`);
  const worker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 60_000 }));
  return {
    context,
    worker,
    id,
    close: async () => {
      await context.close();
      // A profile passed in belongs to the caller, who may start the browser on it again.
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The worker of a session, waking or finding it again after it was stopped. */
export async function currentWorker(session: Session): Promise<Worker> {
  const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${session.id}/`);
  return (
    session.context.serviceWorkers().find(ours) ??
    (await session.context.waitForEvent('serviceworker', { predicate: ours }))
  );
}

/** The extension API inside the worker, as far as these tests use it. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

type Snapshot = {
  source: string;
  hash?: string;
  fallbackReason?: string;
  issues: { path: string; code: string; severity: string }[];
};

/** Waits until the worker has applied a policy whose snapshot satisfies `accept`. */
export async function waitForPolicy(
  session: Session,
  accept: (s: Snapshot) => boolean,
  timeoutMs = 15_000,
): Promise<Snapshot> {
  const deadline = Date.now() + timeoutMs;
  let last: Snapshot | undefined;
  while (Date.now() < deadline) {
    const worker = await currentWorker(session);
    last = await worker.evaluate(
      async () => (await chrome.storage.local.get('snapshot')).snapshot as Snapshot | undefined,
    );
    if (last && accept(last)) return last;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(
    `policy not applied in time; last snapshot: ${JSON.stringify(last ?? null).slice(0, 500)}`,
  );
}

/** Reloads managed policy the way an admin does: chrome://policy → "Reload policies". */
export async function reloadPolicies(session: Session): Promise<void> {
  const page = await session.context.newPage();
  await page.goto('chrome://policy');
  await page.click('#reload-policies');
  await page.close();
}

/**
 * Waits until Signpost's content script on `page` has made its decision, and tells whether a
 * content script of Signpost runs there at all. Ordering argument: the script's first act is a
 * storage read; a later read from the same isolated world resolves after it.
 */
export async function settleContentScript(page: Page): Promise<{ hasScript: boolean }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: {
      id: number;
      name: string;
      auxData?: { type?: string; isDefault?: boolean };
    }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as never));
    await cdp.send('Runtime.enable');
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Signpost');
    if (!isolated) return { hasScript: false };
    await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      expression: "chrome.storage.local.get('snapshot').then(() => true)",
      awaitPromise: true,
    });
    return { hasScript: true };
  } finally {
    await cdp.detach();
  }
}

type WorkerVersion = { versionId: string; scriptURL: string; runningStatus: string };

/**
 * Stops Signpost's service worker the way Chrome does when it idles one out, and returns a probe
 * of its running status from then on (to show that nothing woke it).
 */
export async function stopExtensionWorker(
  page: Page,
  id: string,
): Promise<{ runningStatus(): string }> {
  const cdp = await page.context().newCDPSession(page);
  let latest: WorkerVersion | undefined;
  let onUpdate: () => void = () => undefined;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
    for (const version of versions)
      if (version.scriptURL.startsWith(`chrome-extension://${id}/`)) latest = version;
    onUpdate();
  });
  await cdp.send('ServiceWorker.enable');
  const until = (status: string) =>
    new Promise<void>((done) => {
      onUpdate = () => (latest?.runningStatus === status ? done() : undefined);
      onUpdate();
    });
  await until('running');
  if (!latest) throw new Error('Signpost worker not found');
  await cdp.send('ServiceWorker.stopWorker', { versionId: latest.versionId });
  await until('stopped');
  return { runningStatus: () => latest?.runningStatus ?? 'unknown' };
}
