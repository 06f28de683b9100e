/**
 * Signed policy documents (policy contract, `policyPublicKeys`): a `policyUrl` document applies only
 * with a detached Ed25519 signature (base64, at `<policyUrl>.sig`) over its exact bytes by one of
 * the listed keys (base64 raw 32-byte public keys). A list allows key rotation: sign with the new
 * key, list both, then drop the old one. WebCrypto is passed in (Chromium, Firefox and Node all have
 * Ed25519 in `crypto.subtle`), so this stays pure.
 */
import { decodeBase64, isCanonicalBase64 } from './encodings';

/** Bytes of canonical base64 (surrounding whitespace allowed, as a .sig file ends in a newline). */
function fromBase64(text: string): Uint8Array | null {
  const clean = text.trim();
  return isCanonicalBase64(clean) ? decodeBase64(clean) : null;
}

/** The outcome of checking a document against the keys. */
export type SignatureCheck = { ok: true; keyIndex: number } | { ok: false; reason: string };

/**
 * Whether `signature` (the `.sig` file's text) signs exactly `bytes` with one of `publicKeys`.
 * Never throws: a malformed signature or key is a failed check with its reason.
 */
export async function checkSignature(
  subtle: SubtleCrypto,
  bytes: Uint8Array,
  signature: string,
  publicKeys: readonly string[],
): Promise<SignatureCheck> {
  const raw = fromBase64(signature);
  if (!raw || raw.length !== 64)
    return { ok: false, reason: 'the signature file is not a base64 Ed25519 signature (64 bytes)' };
  const signed = new Uint8Array(raw);
  const data = new Uint8Array(bytes);
  for (const [index, text] of publicKeys.entries()) {
    const key = fromBase64(text);
    if (!key || key.length !== 32) continue;
    try {
      const imported = await subtle.importKey(
        'raw',
        new Uint8Array(key),
        { name: 'Ed25519' },
        false,
        ['verify'],
      );
      if (await subtle.verify({ name: 'Ed25519' }, imported, signed, data))
        return { ok: true, keyIndex: index };
    } catch {
      // A key the browser cannot import counts as not matching; the others are still tried.
    }
  }
  return {
    ok: false,
    reason: `the signature does not match the document with any of the ${String(publicKeys.length)} listed key(s)`,
  };
}
