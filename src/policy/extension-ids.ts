/** Signpost's ids, which admins write in their policy files (README "Extension id"). */

/** Chromium browsers: fixed by MANIFEST_KEY (first 32 hex digits of its SHA-256, as a–p). */
export const CHROMIUM_EXTENSION_ID = 'iibcgklibnmbknlhgijglbbcalghaboe';

/**
 * Public half of Signpost's signing key: fixes the Chromium extension id to
 * iibcgklibnmbknlhgijglbbcalghaboe (README "Extension id"). The private key is never committed.
 */
export const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA+fW6qk29TLtGspL+52R8y6RvwYN97u99WIww0SaNGxihD6fL1sls6DL8vrb4aQVoeno6ANSd9X4qJToPx2C1n+kvhjddJtyTr7TUGE1hcl1F4Fijw13Jf4ohQ4dqFLVIWfiF5wmlvT+zf+a+1ebYMA3IY9Z6j/91lxphc75g8/q6mHoR2/kjhRdNaQR2LzoQgRh9j1/0/sAA5wFkl5To+WH65xB7ACbCAwJDuqrZLSOwl9smsZMz6xbvZvpcu+/wSY71nHG8q6S9XofaP36JuJ2kAJL83v5n3wv3BGZj8PF+1gaXAVBG5H+I55v2bQN7vky9jYS+vDRjPEPcakenxwIDAQAB';

/** Firefox add-on id. */
export const GECKO_ID = 'signpost@signpost.extension';

/**
 * The Signpost policy inside a browser policy file, if `raw` is one: Chrome/Chromium JSON
 * (`3rdparty.extensions.<id>`, Signpost's id or a file's only id) or Firefox policies.json (`policies.3rdparty.Extensions.<id>`).
 * Anything else is taken to be the policy itself.
 */
export function unwrapPolicyFile(raw: unknown): unknown {
  const at = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null && Object.hasOwn(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  const extensions = at(at(raw, '3rdparty'), 'extensions');
  // Signpost's id, or the one extension in the file (a self-hosted build signed with its own key).
  const ids = typeof extensions === 'object' && extensions !== null ? Object.keys(extensions) : [];
  const id = ids.includes(CHROMIUM_EXTENSION_ID)
    ? CHROMIUM_EXTENSION_ID
    : ids.length === 1
      ? ids[0]
      : undefined;
  if (id !== undefined) return at(extensions, id);
  const firefox = at(at(at(at(raw, 'policies'), '3rdparty'), 'Extensions'), GECKO_ID);
  return firefox ?? raw;
}
