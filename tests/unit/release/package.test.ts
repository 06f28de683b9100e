/** `npm run package` refuses to sign without a usable key or base URL, saying what to do. */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionIdFromPublicKey, keyIdentity } from '../../../src/release/extension-id';
import { CHROMIUM_EXTENSION_ID, MANIFEST_KEY } from '../../../src/policy/extension-ids';

const SCRIPT = resolve(import.meta.dirname, '../../../src/release/package.ts');
const dir = mkdtempSync(join(tmpdir(), 'signpost-package-'));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SIGNPOST_SIGNING_KEY: '', SIGNPOST_BASE_URL: '', ...env },
  });

describe('npm run package: refusals', () => {
  const rsa = join(dir, 'rsa.pem');
  writeFileSync(
    rsa,
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }),
  );

  it.each([
    [[], 'no signing key: pass --key PATH or set SIGNPOST_SIGNING_KEY'],
    [['--key', join(dir, 'missing.pem')], 'cannot read the signing key'],
    [['--key', SCRIPT], 'is not an RSA private key in PEM form'],
    [['--key', rsa], 'no --base-url'],
    [['--key', rsa, '--base-url', 'http://updates.example/'], '--base-url must be https://'],
  ])('%j → exit 1: %s', (args, message) => {
    const result = run(args);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('openssl genpkey'); // how to make a key
    expect(result.status).toBe(1);
  });

  it('refuses an EC key: Chromium extension ids and CRX3 signatures here are RSA', () => {
    const ec = join(dir, 'ec.pem');
    writeFileSync(
      ec,
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
        type: 'pkcs8',
        format: 'pem',
      }),
    );
    const result = run(['--key', ec, '--base-url', 'https://updates.example/']);
    expect(result.stderr).toContain('is not an RSA private key');
    expect(result.status).toBe(1);
  });

  it('reads the key path and base URL from the environment too', () => {
    const result = run([], { SIGNPOST_SIGNING_KEY: rsa, SIGNPOST_BASE_URL: 'ftp://x/' });
    expect(result.stderr).toContain('--base-url must be https://');
  });
});

it("derives Signpost's published id from the manifest key, the way Chromium does", () => {
  expect(extensionIdFromPublicKey(Buffer.from(MANIFEST_KEY, 'base64'))).toBe(CHROMIUM_EXTENSION_ID);
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const identity = keyIdentity(publicKey);
  expect(identity.id).toMatch(/^[a-p]{32}$/);
  expect(identity.id).not.toBe(CHROMIUM_EXTENSION_ID);
  expect(extensionIdFromPublicKey(Buffer.from(identity.manifestKey, 'base64'))).toBe(identity.id);
});
