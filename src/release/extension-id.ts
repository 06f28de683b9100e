/**
 * How a Chromium extension id follows from its key: the first 128 bits of SHA-256 over the public
 * key (DER SubjectPublicKeyInfo), written as 32 letters a–p (one per hex digit, 0 → a … f → p).
 * The manifest `key` is the same DER, base64. Node only (release tooling and tests).
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** The id for a public key given as DER bytes. */
export function extensionIdFromPublicKey(der: Uint8Array): string {
  return createHash('sha256')
    .update(der)
    .digest('hex')
    .slice(0, 32)
    .replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + parseInt(digit, 16)));
}

/** The manifest `key` (base64 DER) and the id for a PEM private or public key. */
export function keyIdentity(key: string | KeyObject): { manifestKey: string; id: string } {
  const publicKey = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { manifestKey: der.toString('base64'), id: extensionIdFromPublicKey(der) };
}
