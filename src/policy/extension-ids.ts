/** Signpost's ids, which admins write in their policy files (README "Extension id"). */

/** Chromium browsers: fixed by the public key in wxt.config.ts. */
export const CHROMIUM_EXTENSION_ID = 'iibcgklibnmbknlhgijglbbcalghaboe';

/** Firefox add-on id. */
export const GECKO_ID = 'signpost@signpost.extension';

/**
 * The Signpost policy inside a browser policy file, if `raw` is one: Chrome/Chromium JSON
 * (`3rdparty.extensions.<id>`) or Firefox policies.json (`policies.3rdparty.Extensions.<id>`).
 * Anything else is taken to be the policy itself.
 */
export function unwrapPolicyFile(raw: unknown): unknown {
  const at = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null && Object.hasOwn(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  const chromium = at(at(at(raw, '3rdparty'), 'extensions'), CHROMIUM_EXTENSION_ID);
  if (chromium !== undefined) return chromium;
  const firefox = at(at(at(at(raw, 'policies'), '3rdparty'), 'Extensions'), GECKO_ID);
  return firefox ?? raw;
}
