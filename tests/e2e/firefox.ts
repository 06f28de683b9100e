/**
 * Firefox ESR harness: Debian's firefox-esr driven over WebDriver BiDi (puppeteer-core), the
 * built MV2 extension installed as a temporary add-on, and the organisation's policy in the real
 * enterprise file `distribution/policies.json`. Every host name resolves to the fake app server,
 * which listens on 443 so URLs carry no port (Firefox has no host-to-port mapping).
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFakeApps, type FakeApps, type Route } from './fake-apps.ts';

export const FIREFOX_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const POLICY_DIR = process.env.SIGNPOST_FIREFOX_POLICY_DIR ?? '/usr/lib/firefox-esr/distribution';
const POLICY_FILE = join(POLICY_DIR, 'policies.json');
const SAVED = `${POLICY_FILE}.signpost-e2e-saved`;
/** Fixed moz-extension UUID (pref extensions.webextensions.uuids), so page URLs are known. */
const UUID = '5c1e0b1a-3b2f-4a8e-9d3c-5165105e0001';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;
const GECKO_ID = 'signpost@signpost.extension';

export type FirefoxSession = {
  browser: Browser;
  page: Page;
  apps: FakeApps;
  close(): Promise<void>;
};

function requireFirefox(): void {
  if (!existsSync(FIREFOX_PATH))
    throw new Error(`Firefox ESR not found at ${FIREFOX_PATH}: apt-get install -y firefox-esr`);
  if (!existsSync(join(FIREFOX_DIR, 'manifest.json')))
    throw new Error(`No Firefox build at ${FIREFOX_DIR}. Run "npm run build" first.`);
}

/**
 * Writes policies.json (keeping any file that was there) and starts Firefox with Signpost; `route`
 * serves some hosts itself (a central policy server, a collector).
 */
export async function startFirefox(policiesJson: unknown, route?: Route): Promise<FirefoxSession> {
  requireFirefox();
  mkdirSync(POLICY_DIR, { recursive: true });
  if (existsSync(POLICY_FILE) && !existsSync(SAVED)) copyFileSync(POLICY_FILE, SAVED);
  writeFileSync(POLICY_FILE, JSON.stringify(policiesJson, null, 2));
  const apps = await startFakeApps(new Map(), 443, route);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
    },
  });
  await browser.installExtension(FIREFOX_DIR);
  const page = await browser.newPage();
  return {
    browser,
    page,
    apps,
    close: async () => {
      await browser.close();
      await apps.close();
      restorePolicies();
    },
  };
}

/** Puts back the policies.json that was there before the tests (or none). */
export function restorePolicies(): void {
  if (existsSync(SAVED)) copyFileSync(SAVED, POLICY_FILE);
  else rmSync(POLICY_FILE, { force: true });
  rmSync(SAVED, { force: true });
}

/** Opens `url` and waits until Signpost has replaced it with its block page. */
export async function openBlocked(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The block page replaces the navigation, so "load" of `url` itself never comes.
    await page.goto(url, { timeout: 3000 }).catch(() => undefined);
    const blocked = () => page.url().startsWith(`${EXTENSION_ORIGIN}/blocked.html`);
    for (let i = 0; i < 20 && !blocked(); i++) await new Promise((done) => setTimeout(done, 100));
    if (blocked()) return;
    // Right after start the policy may not be applied yet.
    if (Date.now() > deadline) throw new Error(`${url} was not blocked; at ${page.url()}`);
  }
}

/**
 * Waits until Signpost blocks `url` in the network layer (its server sees no request), i.e. the
 * policy and its block rules are in force; right after start a page may still get through and be
 * replaced by the content script's fallback.
 */
export async function waitForNetworkBlock(
  session: FirefoxSession,
  url: string,
  timeoutMs = 15_000,
): Promise<void> {
  const host = new URL(url).hostname;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const before = session.apps.requests.filter((r) => r.host === host).length;
    await openBlocked(session.page, `${url}?warm-up=${String(attempt)}`);
    if (session.apps.requests.filter((r) => r.host === host).length === before) return;
    if (Date.now() > deadline) throw new Error(`${url} still reaches its server`);
  }
}

/**
 * Opens an extension page from an extension page (WebDriver BiDi refuses to navigate to
 * moz-extension: URLs itself): a link clicked the way an employee would.
 */
export async function openExtensionPage(page: Page, path: string): Promise<void> {
  if (!page.url().startsWith(EXTENSION_ORIGIN)) throw new Error('not on an extension page');
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.id = 'signpost-e2e-open';
    document.body.prepend(link);
    link.click();
  }, path);
  const at = () => page.evaluate(() => location.pathname).catch(() => '');
  for (let i = 0; i < 50 && !(await at()).endsWith(path); i++)
    await new Promise((done) => setTimeout(done, 100));
}
