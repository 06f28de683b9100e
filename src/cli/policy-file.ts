/**
 * Reading a policy file for the CLI: bytes → UTF-8 text → JSON → the policy inside a browser
 * policy file. Strict where a lenient reader would hide damage: a byte that is not UTF-8 is an
 * error with its offset (Node's decoder would silently put U+FFFD in its place, and the file
 * could be called valid), while a UTF-8 byte-order mark, which Windows editors write, is skipped.
 */
import { readFile } from 'node:fs/promises';
import { unwrapPolicyFile } from '../policy/extension-ids';

/** The file's policy, or why it cannot be had with the CLI's exit code (1 issues, 2 unreadable). */
export type PolicyFileRead = { raw: unknown } | { error: string; exitCode: 1 | 2 };

/** Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const inRange = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[i + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead <= 0x7f) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return inRange(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    // E0: no overlong forms; ED: no UTF-16 surrogates.
    const second =
      lead === 0xe0 ? inRange(1, 0xa0) : lead === 0xed ? inRange(1, 0x80, 0x9f) : inRange(1);
    return second && inRange(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    // F0: no overlong forms; F4: nothing above U+10FFFF.
    const second =
      lead === 0xf0 ? inRange(1, 0x90) : lead === 0xf4 ? inRange(1, 0x80, 0x8f) : inRange(1);
    return second && inRange(2) && inRange(3) ? 4 : 0;
  }
  return 0;
}

/** The byte offset of the first byte that does not begin well-formed UTF-8, or -1. Linear. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** Reads a policy file: the policy object itself, or a Chrome/Firefox policy file wrapping it. */
export async function readPolicyFile(path: string): Promise<PolicyFileRead> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return {
      error: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      exitCode: 2,
    };
  }
  const offset = invalidUtf8Offset(bytes);
  if (offset !== -1) {
    const shown = Array.from(bytes.subarray(offset, offset + 4), (byte) =>
      byte.toString(16).toUpperCase().padStart(2, '0'),
    ).join(' ');
    return {
      error: `${path} is not valid UTF-8: invalid byte sequence at byte offset ${String(offset)} (${shown}); save the file as UTF-8`,
      exitCode: 1,
    };
  }
  // TextDecoder skips one byte-order mark at the start, as JSON readers are allowed to (RFC 8259 §8.1).
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    return { raw: unwrapPolicyFile(JSON.parse(text) as unknown) };
  } catch (error) {
    return {
      error: `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      exitCode: 2,
    };
  }
}
