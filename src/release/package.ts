/**
 * `npm run package`: the release files for self-hosting.
 *   signpost-<v>-chrome.zip    the Chromium build (Chrome Web Store / Edge Add-ons upload)
 *   signpost-<v>.crx           the same build signed as CRX3 with the organisation's key
 *   update.xml                 the update manifest browsers poll (ExtensionSettings.update_url)
 *   signpost-<v>-firefox.xpi   the Firefox build (sign it on addons.mozilla.org before deploying)
 *   signpost-<v>-sources.zip   the sources AMO asks for
 *   SHA256SUMS
 * The signing key comes from --key PATH or SIGNPOST_SIGNING_KEY (a PEM file); it is never created
 * here and never written anywhere. The extension id follows from the key (extension-id.ts): a key
 * other than Signpost's gives another id, which the build's manifest then carries.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import writeCrx3 from 'crx3';
import { CHROMIUM_EXTENSION_ID } from '../policy/extension-ids.ts';
import { keyIdentity } from './extension-id.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const USAGE = `Usage: npm run package -- --key PATH --base-url https://updates.example.org/signpost/ [--out DIR]
  --key PATH       the PEM private key that signs the CRX (or SIGNPOST_SIGNING_KEY=PATH)
  --base-url URL   https URL the .crx and update.xml are served from (or SIGNPOST_BASE_URL)
  --out DIR        where the release files go (default .output/release)
No key yet? Create one once and keep it secret, outside the repository:
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out signpost-signing-key.pem
`;

class UsageError extends Error {}

function readKey(path: string | undefined): KeyObject {
  if (!path) throw new UsageError('no signing key: pass --key PATH or set SIGNPOST_SIGNING_KEY');
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the signing key ${path}: ${(error as Error).message}`);
  }
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error(`${String(key.asymmetricKeyType)} key`);
    return key;
  } catch (error) {
    throw new UsageError(
      `${path} is not an RSA private key in PEM form (${(error as Error).message})`,
    );
  }
}

function baseUrlOf(raw: string | undefined): URL {
  if (!raw) throw new UsageError('no --base-url: update.xml must say where the .crx is served');
  let url: URL;
  try {
    url = new URL(raw.endsWith('/') ? raw : `${raw}/`);
  } catch {
    throw new UsageError(`--base-url is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new UsageError(`--base-url must be https:// (got ${raw})`);
  return url;
}

function wxt(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error(`wxt ${args.join(' ')} failed`);
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { key: { type: 'string' }, 'base-url': { type: 'string' }, out: { type: 'string' } },
  });
  const key = readKey(values.key ?? process.env.SIGNPOST_SIGNING_KEY);
  const baseUrl = baseUrlOf(values['base-url'] ?? process.env.SIGNPOST_BASE_URL);
  const out = resolve(values.out ?? join(ROOT, '.output/release'));
  const { manifestKey, id } = keyIdentity(key);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };

  const build = join(out, 'build');
  // Only what this command wrote before is replaced: --out may name a folder with other files.
  mkdirSync(out, { recursive: true });
  rmSync(build, { recursive: true, force: true });
  for (const name of readdirSync(out).filter(isReleaseFile))
    rmSync(join(out, name), { force: true });
  const env = { SIGNPOST_MANIFEST_KEY: manifestKey, SIGNPOST_OUT_DIR: build };
  wxt(['zip'], env);
  wxt(['zip', '-b', 'firefox'], env);

  const crxName = `signpost-${version}.crx`;
  // crx3 reads the key from a file (and would create one if it were missing: it is not). A copy
  // in a private temporary folder, never in the release folder, removed right after signing.
  const keyDir = mkdtempSync(join(tmpdir(), 'signpost-sign-'));
  const keyFile = join(keyDir, 'key.pem');
  writeFileSync(keyFile, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  try {
    await writeCrx3(listFiles(join(build, 'chrome-mv3')), {
      keyPath: keyFile,
      crxPath: join(out, crxName),
    });
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
  writeFileSync(
    join(out, 'update.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">
  <app appid="${id}">
    <updatecheck codebase="${escapeXml(new URL(crxName, baseUrl).href)}" version="${escapeXml(version)}" />
  </app>
</gupdate>
`,
  );
  for (const file of readdirSync(build).filter((name) => name.endsWith('.zip'))) {
    const name = file.endsWith('-firefox.zip') ? file.replace(/\.zip$/, '.xpi') : file;
    copyFileSync(join(build, file), join(out, name));
  }
  rmSync(build, { recursive: true, force: true });
  const files = readdirSync(out).filter((name) => isReleaseFile(name) && name !== 'SHA256SUMS');
  const sums = files
    .map(
      (name) =>
        `${createHash('sha256')
          .update(readFileSync(join(out, name)))
          .digest('hex')}  ${name}`,
    )
    .join('\n');
  writeFileSync(join(out, 'SHA256SUMS'), `${sums}\n`);

  const own = id === CHROMIUM_EXTENSION_ID;
  process.stdout.write(`
Signpost ${version} release in ${out}
${sums}

Chromium extension id: ${id}${own ? " (Signpost's published id)" : ` — not Signpost's published id (${CHROMIUM_EXTENSION_ID}): this key is your own, so your browsers know this build by ${id}`}
Serve ${crxName} and update.xml at ${baseUrl.href}, then generate the deployment files:
  npx signpost-policy export POLICY.json --target chrome-linux --update-url ${new URL('update.xml', baseUrl).href}${own ? '' : ` --extension-id ${id}`}
Firefox: sign ${basename(`signpost-${version}-firefox.xpi`)} on addons.mozilla.org (unlisted) before deploying it.
`);
}

/** The files `npm run package` writes into the release folder. */
function isReleaseFile(name: string): boolean {
  return (
    /^signpost-.*\.(crx|zip|xpi)$/.test(name) || name === 'update.xml' || name === 'SHA256SUMS'
  );
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`package: ${error.message}\n\n${USAGE}`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`package: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
