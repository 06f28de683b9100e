/**
 * `signpost-policy keygen` and `sign`: Ed25519 keys and detached signatures for the central policy
 * document (policy contract, `policyPublicKeys`). The private key stays with the admin, never in
 * the policy; `keygen` prints the public key to paste into managed storage, and `sign` writes
 * `<file>.sig` (base64 of the signature over the file's exact bytes), which the extension checks.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

type Output = { write(text: string): unknown };
type Io = { stdout: Output; stderr: Output };

const option = (args: string[], name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};

/** The raw 32-byte Ed25519 public key of a PEM private or public key, in base64. */
export function publicKeyBase64(pem: string): string {
  const key = createPublicKey(pem);
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** `keygen --out private.pem`: a new key pair; the private key file is readable by its owner only. */
export async function keygen(args: string[], io: Io): Promise<number> {
  const out = option(args, '--out');
  if (!out) {
    io.stderr.write('Usage: signpost-policy keygen --out private.pem\n');
    return 1;
  }
  if (existsSync(out)) {
    io.stderr.write(`${out} exists: not overwriting a key\n`);
    return 1;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  await writeFile(out, pem, { mode: 0o600 });
  io.stdout.write(
    `${out}: private key (keep it off the web server). Public key for policyPublicKeys:\n${publicKeyBase64(pem)}\n`,
  );
  return 0;
}

/** `sign FILE --key private.pem [--out FILE.sig]`: the detached signature of FILE's exact bytes. */
export async function signFile(args: string[], io: Io): Promise<number> {
  const file = args.find(
    (a, i) => !a.startsWith('--') && !['--key', '--out'].includes(args[i - 1] ?? ''),
  );
  const keyFile = option(args, '--key');
  if (!file || !keyFile) {
    io.stderr.write('Usage: signpost-policy sign FILE --key private.pem [--out FILE.sig]\n');
    return 1;
  }
  let key;
  try {
    key = createPrivateKey(await readFile(keyFile, 'utf8'));
  } catch (error) {
    io.stderr.write(
      `${keyFile}: not a readable private key (${error instanceof Error ? error.message : String(error)})\n`,
    );
    return 2;
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    io.stderr.write(
      `${keyFile}: not an Ed25519 key (make one with: signpost-policy keygen --out private.pem)\n`,
    );
    return 1;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    io.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const out = option(args, '--out') ?? `${file}.sig`;
  const signature = sign(null, bytes, key).toString('base64');
  await writeFile(out, `${signature}\n`);
  io.stdout.write(
    `${out}: Ed25519 signature of ${file} (${String(bytes.length)} bytes) by key ${publicKeyBase64(key.export({ format: 'pem', type: 'pkcs8' }).toString())}\nPublish it next to the policy, at the policyUrl followed by .sig. Sign again after every change.\n`,
  );
  return 0;
}
