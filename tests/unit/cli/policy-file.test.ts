import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidUtf8Offset } from '../../../src/cli/policy-file';

describe('invalidUtf8Offset', () => {
  it.each([
    ['ASCII', [0x7b, 0x7d], -1],
    ['é, €, 😀', [...Buffer.from('é€😀')], -1],
    ['a continuation byte first', [0x41, 0x80], 1],
    ['an overlong two-byte form', [0xc1, 0xbf], 0],
    ['an overlong three-byte form', [0xe0, 0x9f, 0xbf], 0],
    ['a surrogate', [0xed, 0xbf, 0xbf], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a lead byte without its continuation', [0x41, 0xe2, 0x41], 1],
    ['a sequence cut off at the end', [0x41, 0xf0, 0x9f, 0x98], 1],
  ])('%s', (_, bytes, expected) => {
    expect(invalidUtf8Offset(Uint8Array.from(bytes))).toBe(expected);
  });

  it('agrees with a fatal TextDecoder on any bytes, and finds nothing in any encoded text', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 16 }),
        fc.string({ unit: 'grapheme' }),
        (bytes, text) => {
          let decodes = true;
          try {
            fatal.decode(bytes);
          } catch {
            decodes = false;
          }
          expect(invalidUtf8Offset(bytes) === -1).toBe(decodes);
          const offset = invalidUtf8Offset(bytes);
          // Everything before the offset decodes, so the offset is the first bad byte.
          if (offset !== -1) expect(() => fatal.decode(bytes.subarray(0, offset))).not.toThrow();
          expect(invalidUtf8Offset(new TextEncoder().encode(text))).toBe(-1);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
