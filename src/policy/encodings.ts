/**
 * Checks for the encoded values a policy carries: base64 keys, the organisation's logo as a data
 * URL, and HTTP header names and values. Pure; the zod schema turns each answer into an issue.
 */

/**
 * Canonical base64 (RFC 4648 §4): the standard alphabet, `=` padding to a multiple of four, and
 * zero bits in the last character, so every value has exactly one spelling. No whitespace, no
 * URL-safe alphabet, no missing padding: atob() would accept those, and two spellings of one key
 * would make comparing keys (and reviewing policies) error-prone.
 */
const CANONICAL_BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/;

/** Whether `text` is canonical base64 (see CANONICAL_BASE64). The empty string is valid. */
export function isCanonicalBase64(text: string): boolean {
  return CANONICAL_BASE64.test(text);
}

/** The number of bytes canonical base64 `text` decodes to, without decoding it. */
export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** The bytes of canonical base64 `text` (check it with isCanonicalBase64 first). */
export function decodeBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** Canonical base64 of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Whether `text` is a raw 32-byte Ed25519 public key in canonical base64 (44 characters). */
export function isEd25519PublicKey(text: string): boolean {
  return isCanonicalBase64(text) && base64ByteLength(text) === 32;
}

/**
 * The logo limit: 32 KB of image data, counted on the decoded file (the size an admin sees on
 * disk). The data URL itself is then at most {@link MAX_LOGO_URL_LENGTH} characters.
 */
export const MAX_LOGO_BYTES = 32 * 1024;
const LOGO_PREFIXES = ['data:image/png;base64,', 'data:image/svg+xml;base64,'] as const;
/** The longest data URL a logo of MAX_LOGO_BYTES can have (the SVG prefix is the longer one). */
export const MAX_LOGO_URL_LENGTH = LOGO_PREFIXES[1].length + Math.ceil(MAX_LOGO_BYTES / 3) * 4;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Why a logo value is refused. */
export type LogoProblem = 'media-type' | 'base64' | 'too-large' | 'not-png' | 'not-svg';

/**
 * Checks an `organization.logo` value: exactly `data:image/png;base64,` or
 * `data:image/svg+xml;base64,` (lower case, no parameters), canonical base64, at most
 * MAX_LOGO_BYTES decoded, and data that starts as a PNG file or contains an `<svg` element.
 * @returns null when the logo can be shown, else what is wrong with it.
 */
export function checkLogo(value: string): LogoProblem | null {
  const prefix = LOGO_PREFIXES.find((p) => value.startsWith(p));
  if (!prefix) return 'media-type';
  const data = value.slice(prefix.length);
  // Length first: a huge string is refused without running the base64 check over it.
  if (value.length > MAX_LOGO_URL_LENGTH) return 'too-large';
  if (!isCanonicalBase64(data)) return 'base64';
  if (base64ByteLength(data) > MAX_LOGO_BYTES) return 'too-large';
  const bytes = decodeBase64(data);
  if (prefix === LOGO_PREFIXES[0])
    return PNG_SIGNATURE.every((byte, i) => bytes[i] === byte) ? null : 'not-png';
  return new TextDecoder().decode(bytes).includes('<svg') ? null : 'not-svg';
}

/** An HTTP header name: an RFC 7230 `token` (§3.2.6). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Whether `name` can be sent as an HTTP header name. */
export function isHeaderName(name: string): boolean {
  return HEADER_NAME.test(name);
}

/**
 * Whether `value` can be sent as an HTTP header value: no CR or LF (which would start a new
 * header) and no NUL, the three characters fetch() refuses in a value.
 */
export function isHeaderValue(value: string): boolean {
  return !/[\r\n\0]/.test(value);
}
