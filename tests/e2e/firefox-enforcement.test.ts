/**
 * Enforcement at scale in Firefox ESR (issue 10): 5,000 blocked apps from the real enterprise file
 * policies.json, within Firefox's own limits (5,000 dynamic rules, 1,000 regex rules), blocked
 * before any request reaches their server; the status page shows the rules in force.
 */
import { afterAll, afterEach, expect, it } from 'vitest';
import { largePolicy, largePolicyAppUrl } from '../support/large-policy';
import {
  openBlocked,
  openExtensionPage,
  restorePolicies,
  startFirefox,
  waitForNetworkBlock,
  type FirefoxSession,
} from './firefox';

const GECKO_ID = 'signpost@signpost.extension';

let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});
afterAll(() => restorePolicies());

const pageRequestsTo = (s: FirefoxSession, host: string) =>
  s.apps.requests.filter((r) => r.host === host && r.url !== '/favicon.ico');

it('blocks the first, a middle and the last of 5,000 apps, and a 2FA-code site, with 0 requests', async () => {
  session = await startFirefox({
    policies: { '3rdparty': { Extensions: { [GECKO_ID]: largePolicy(5000) } } },
  });
  const { page } = session;
  const started = Date.now();
  await waitForNetworkBlock(session, largePolicyAppUrl(4999), 60_000);
  console.log(
    `5,000 blocked apps in Firefox ESR: network rules in force ${String(Date.now() - started)} ms after the first page`,
  );
  for (const i of [0, 1, 2500, 2501, 4998]) {
    const url = largePolicyAppUrl(i);
    await openBlocked(page, url);
    expect(new URL(page.url()).searchParams.get('app')).toBe(`app-${String(i)}`);
    expect(pageRequestsTo(session, new URL(url).hostname)).toEqual([]);
  }
  await openBlocked(page, 'https://tools-box.net/en/2fa-authenticator');
  expect(new URL(page.url()).searchParams.get('app')).toBe('totp-generators');
  expect(pageRequestsTo(session, 'tools-box.net')).toEqual([]);

  await openExtensionPage(page, 'status.html');
  await page.waitForSelector('#network-status');
  expect(await page.$eval('#network-status', (e) => (e as HTMLElement).dataset.status)).toBe('ok');
  const rules = await page.$eval('#network-rules', (e) => e.textContent);
  console.log(`Firefox status page: ${rules}`);
});
