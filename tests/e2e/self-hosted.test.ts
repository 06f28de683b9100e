/**
 * The self-hosted path end to end, as an organisation runs it: `npm run package` signs a CRX3 and
 * writes update.xml with its own key; `signpost-policy export --target chromium-linux` writes the
 * policy file with the force-install entry; real Chromium, started with no extension at all,
 * installs Signpost from the (fake) update server and applies the policy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { keyIdentity } from '../../src/release/extension-id';
import {
  launchBrowser,
  startFakeApps,
  waitForPolicy,
  writeManagedPolicy,
  writePolicyFile,
  type ServedFile,
} from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/signpost-policy.mjs');
const FIXTURE = join(ROOT, 'tests/fixtures/policies/valid/example.json');
const BASE = 'https://updates.signpost.test/signpost/';

afterAll(() => writeManagedPolicy(null));

it('Chromium force-installs the signed CRX from update.xml and applies the exported policy', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-release-'));
  // A throwaway key: an organisation's own key gives its own extension id.
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const keyFile = join(dir, 'key.pem');
  writeFileSync(keyFile, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const { id } = keyIdentity(key);

  const release = join(dir, 'release');
  // --out may be a folder with other files in it: they stay.
  mkdirSync(release);
  writeFileSync(join(release, 'keep.txt'), 'not ours');
  const packaged = spawnSync(
    process.execPath,
    [join(ROOT, 'src/release/package.ts'), '--key', keyFile, '--base-url', BASE, '--out', release],
    { encoding: 'utf8' },
  );
  expect(packaged.stderr).not.toContain('package:');
  expect(packaged.status).toBe(0);
  expect(packaged.stdout).toContain(`Chromium extension id: ${id} — not Signpost's published id`);
  const files = readdirSync(release);
  const crx = files.find((name) => name.endsWith('.crx'));
  expect(files).toEqual(
    expect.arrayContaining(['update.xml', 'SHA256SUMS', expect.stringMatching(/-firefox\.xpi$/)]),
  );
  expect(readFileSync(join(release, 'keep.txt'), 'utf8')).toBe('not ours');
  const updateXml = readFileSync(join(release, 'update.xml'), 'utf8');
  expect(updateXml).toContain(`<app appid="${id}">`);
  expect(updateXml).toContain(`codebase="${BASE}${String(crx)}"`);
  // The private key is not left anywhere in the release.
  for (const name of files.filter((n) => !n.endsWith('.crx')))
    expect(readFileSync(join(release, name)).includes('PRIVATE KEY')).toBe(false);

  const exported = join(dir, 'export');
  execFileSync(process.execPath, [
    CLI,
    'export',
    FIXTURE,
    '--target',
    'chromium-linux',
    '--update-url',
    `${BASE}update.xml`,
    '--extension-id',
    id,
    '--out',
    exported,
  ]);
  const [policyFile] = readdirSync(exported);
  const deployed = JSON.parse(readFileSync(join(exported, String(policyFile)), 'utf8')) as object;
  // The exported file as is, plus one line for the test: by default Chromium keeps DevTools (and so
  // this test's driver) away from extensions installed by policy.
  writePolicyFile(JSON.stringify({ ...deployed, DeveloperToolsAvailability: 1 }));

  const served = new Map<string, ServedFile>([
    ['/signpost/update.xml', { type: 'text/xml', body: Buffer.from(updateXml) }],
    [
      `/signpost/${String(crx)}`,
      { type: 'application/x-chrome-extension', body: readFileSync(join(release, String(crx))) },
    ],
  ]);
  const apps = await startFakeApps(served);
  const session = await launchBrowser(apps, { installedId: id });
  try {
    expect(apps.requests.map((r) => `${r.host}${r.url.split('?')[0] ?? ''}`)).toEqual(
      expect.arrayContaining([
        'updates.signpost.test/signpost/update.xml',
        `updates.signpost.test/signpost/${String(crx)}`,
      ]),
    );
    await waitForPolicy(session, (s) => s.source === 'managed');
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${id}/status.html`);
    await page.waitForSelector('table.decisions');
    expect(await page.locator('body').innerText()).toMatch(
      /Installed by\s+your organisation \(managed\)/,
    );
    expect(await page.getAttribute('table.decisions tr[data-app="telegram"]', 'data-action')).toBe(
      'block',
    );
    await page.goto('https://web.telegram.org/k/').catch(() => undefined);
    await page.waitForURL(`chrome-extension://${id}/blocked.html**`);
  } finally {
    await session.close();
    await apps.close();
    writeManagedPolicy(null);
  }
}, 120_000);
