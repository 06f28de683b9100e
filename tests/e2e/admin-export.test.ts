/**
 * The admin kit's chromium-linux export, written where Chromium reads it and applied by the real
 * browser: the status page's decisions match what `signpost-policy explain` says for the same URLs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { exportPolicy } from '../../src/admin/deployment';
import { parsePolicy } from '../../src/policy/parse';
import { useBrowserSuite } from './suite';

const { start } = useBrowserSuite();
const FIXTURE = resolve(import.meta.dirname, '../fixtures/policies/valid/example.json');
const CLI = resolve(import.meta.dirname, '../../src/cli/signpost-policy.mjs');

const URLS: [string, string][] = [
  ['https://web.telegram.org/k/', 'telegram'],
  ['https://web.whatsapp.com/', 'whatsapp'],
  ['https://discord.com/channels/1', 'discord'],
  ['https://teams.microsoft.com/', 'teams'],
  ['https://chat.voorbeeld.example/', 'intranet-chat'],
  ['https://2fa.live/', 'totp-generators'],
];

it('Chromium applies the policy part of the chromium-linux export as explain describes it', async () => {
  const raw: unknown = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const [file] = exportPolicy(parsePolicy(raw).policy!, 'chromium-linux', undefined, raw);
  // The exported file where Chromium reads it, without its force-install entry: that one makes
  // Chromium install Signpost from the update URL instead of the unpacked build under test (the
  // self-hosted CRX flow gets its own test with `npm run package`).
  const { ExtensionSettings: _install, ...policyPart } = JSON.parse(
    String(file?.contents),
  ) as Record<string, unknown>;
  expect(_install).toBeDefined();
  const s = await start(null, { file: JSON.stringify(policyPart, null, 2) });

  const explained = execFileSync(
    process.execPath,
    [CLI, 'explain', FIXTURE, ...URLS.map(([url]) => url)],
    { encoding: 'utf8' },
  );
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.id}/status.html`);
  await page.waitForSelector('table.decisions');
  for (const [url, app] of URLS) {
    const action = await page.getAttribute(`table.decisions tr[data-app="${app}"]`, 'data-action');
    expect(explained).toContain(`${url}\n  app: ${app} `);
    expect(explained.split(`${url}\n`)[1]?.split('\n')[1]).toContain(`action: ${String(action)} `);
  }
  // The device runs the policy the risk report was made from: the same content hash.
  const report = execFileSync(process.execPath, [CLI, 'report', FIXTURE], { encoding: 'utf8' });
  const reportHash = /Policy hash<\/dt><dd><code>([0-9a-f]{12})</.exec(report)?.[1];
  expect(reportHash).toMatch(/^[0-9a-f]{12}$/);
  expect(await page.textContent('#policy-hash')).toBe(reportHash);
});
