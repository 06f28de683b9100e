/**
 * Firefox ESR with the real enterprise file policies.json: Firefox passes every key through (no
 * schema), so the status page shows what Chrome would have dropped silently — a typo'd key with
 * the nearest known key — and the firefox-policies export is applied as `explain` describes it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { exportPolicy } from '../../src/admin/deployment';
import { parsePolicy } from '../../src/policy/parse';
import {
  openBlocked,
  openExtensionPage,
  restorePolicies,
  startFirefox,
  waitForNetworkBlock,
  type FirefoxSession,
} from './firefox';

const GECKO_ID = 'signpost@signpost.extension';
const CLI = resolve(import.meta.dirname, '../../src/cli/signpost-policy.mjs');
const FIXTURE = resolve(import.meta.dirname, '../fixtures/policies/valid/example.json');

let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});
afterAll(() => restorePolicies());

it('status page: a typo’d key with its suggestion, two bad items, the good rule applied', async () => {
  const policy = {
    schemaVersion: 1,
    defaultActon: 'block',
    rules: [
      { app: 'whatsap', action: 'block' },
      { app: 'telegram', action: 'blokk' },
      { app: 'discord', action: 'block' },
    ],
  };
  session = await startFirefox({
    policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } },
  });
  const { page, apps } = session;

  await waitForNetworkBlock(session, 'https://discordapp.com/app');
  await openBlocked(page, 'https://discord.com/channels/1');
  // Blocked in the network layer: the app's server never saw the request.
  expect(apps.requests.filter((r) => r.host === 'discord.com')).toEqual([]);
  // The policy names no helpdesk: the block page says whom to ask without promising contacts.
  const blockPage = await page.$eval('body', (e) => (e as HTMLElement).innerText);
  expect(blockPage).toContain('Ask your IT department which app to use instead.');
  expect(blockPage).not.toContain('Ask the helpdesk');

  await openExtensionPage(page, 'status.html');
  await page.waitForSelector('table.issues');
  expect(await page.$eval('#policy-source', (e) => e.textContent)).toBe(
    'managed storage (your organisation)',
  );
  const issues = await page.$$eval('table.issues tr[data-path]', (rows) =>
    rows.map((row) => [(row as HTMLElement).dataset.path, row.textContent]),
  );
  expect(issues.map(([path]) => path).sort()).toEqual([
    'defaultActon',
    'rules[0].app',
    'rules[1].action',
  ]);
  expect(issues.find(([path]) => path === 'defaultActon')?.[1]).toContain(
    'unknown key; did you mean "defaultAction"?',
  );
  expect(issues.find(([path]) => path === 'rules[0].app')?.[1]).toContain(
    'did you mean "whatsapp"?',
  );
  const action = (app: string) =>
    page.$eval(
      `table.decisions tr[data-app="${app}"]`,
      (row) => (row as HTMLElement).dataset.action,
    );
  expect(await action('discord')).toBe('block');
  // The typo'd defaultAction is ignored: the default (warn) stays, the bad rules do nothing.
  expect(await action('whatsapp')).toBe('warn');
  expect(await action('telegram')).toBe('warn');
});

it('the firefox-policies export is applied by Firefox ESR as explain describes it', async () => {
  const raw: unknown = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const [file] = exportPolicy(parsePolicy(raw).policy!, 'firefox-policies', undefined, raw);
  // The exported file without its force-install entry: that one makes Firefox fetch Signpost from
  // addons.mozilla.org instead of the build under test (installed here as a temporary add-on).
  const exported = JSON.parse(String(file?.contents)) as {
    policies: { ExtensionSettings?: unknown; '3rdparty': unknown };
  };
  expect(exported.policies.ExtensionSettings).toBeDefined();
  session = await startFirefox({ policies: { '3rdparty': exported.policies['3rdparty'] } });
  const { page } = session;
  await openBlocked(page, 'https://web.telegram.org/k/');
  await openExtensionPage(page, 'status.html');
  await page.waitForSelector('table.decisions');

  const urls: [string, string][] = [
    ['https://web.telegram.org/k/', 'telegram'],
    ['https://web.whatsapp.com/', 'whatsapp'],
    ['https://discord.com/channels/1', 'discord'],
    ['https://teams.microsoft.com/', 'teams'],
    ['https://chat.voorbeeld.example/', 'intranet-chat'],
  ];
  const explained = execFileSync(
    process.execPath,
    [CLI, 'explain', FIXTURE, ...urls.map(([url]) => url)],
    { encoding: 'utf8' },
  );
  for (const [url, app] of urls) {
    const action = await page.$eval(
      `table.decisions tr[data-app="${app}"]`,
      (row) => (row as HTMLElement).dataset.action,
    );
    expect(explained).toContain(`${url}\n  app: ${app} `);
    expect(explained.split(`${url}\n`)[1]?.split('\n')[1]).toContain(`action: ${String(action)} `);
  }
  expect(await page.$eval('#policy-source', (e) => e.textContent)).toBe(
    'managed storage (your organisation)',
  );
  const report = execFileSync(process.execPath, [CLI, 'report', FIXTURE], { encoding: 'utf8' });
  expect(await page.$eval('#policy-hash', (e) => e.textContent)).toBe(
    /Policy hash<\/dt><dd><code>([0-9a-f]{12})</.exec(report)?.[1],
  );
});
