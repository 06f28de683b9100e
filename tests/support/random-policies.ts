/**
 * Random policies and adversarial URLs for the engine-vs-rules agreement tests (unit, fuzz and
 * real-Chromium E2E share them). Hosts come from a small alphabet so apps overlap often: nested
 * hosts, nested paths, the same pattern in two apps, catalogue hosts reused by custom apps.
 */
import fc from 'fast-check';
import { CATALOGUE_MATCH } from '../../src/catalogue/match-patterns';

const LABELS = ['a', 'b', 'web', 'chat', 'x'];
const TLDS = ['com', 'test', 'org'];
const SEGMENTS = ['', '/x', '/x/y', '/app', '/ap', '/app/z', '/messages', '/en/2fa-authenticator'];
const CATALOGUE_PATTERNS = Object.values(CATALOGUE_MATCH).flat();
const CATALOGUE_IDS = Object.keys(CATALOGUE_MATCH);

const host = fc
  .tuple(
    fc.array(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(...TLDS),
  )
  .map(([labels, tld]) => [...labels, tld].join('.'));

/** A contract pattern: a host from the alphabet, a catalogue host, and an optional path. */
export const patternArbitrary = fc.oneof(
  fc.tuple(host, fc.constantFrom(...SEGMENTS)).map(([h, path]) => `${h}${path}`),
  fc.constantFrom(...CATALOGUE_PATTERNS),
  fc
    .tuple(fc.constantFrom(...CATALOGUE_PATTERNS), fc.constantFrom('', 'sub.', 'web.'))
    .map(([pattern, prefix]) => `${prefix}${pattern.split('/')[0] ?? ''}`),
);

const action = fc.constantFrom('allow', 'warn', 'block');

/** A policy document (raw JSON, as an admin writes it). */
export const policyArbitrary = fc
  .record({
    defaultAction: action,
    custom: fc.array(fc.array(patternArbitrary, { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
    ruled: fc.array(fc.tuple(fc.nat(20), action), { maxLength: 10 }),
    approved: fc.array(fc.nat(20), { maxLength: 2 }),
  })
  .map(({ defaultAction, custom, ruled, approved }) => {
    const customApps = custom.map((match, i) => ({
      id: `c${String(i)}`,
      name: `C${String(i)}`,
      match,
    }));
    const ids = [...customApps.map((a) => a.id), ...CATALOGUE_IDS];
    const pick = (n: number) => ids[n % ids.length] ?? 'whatsapp';
    return {
      defaultAction,
      customApps,
      rules: ruled.map(([n, a]) => ({ app: pick(n), action: a })),
      alternatives: [...new Set(approved.map(pick))].map((id) => ({ id, url: 'https://ok.test/' })),
    };
  });

/** Look-alike letters (Cyrillic, Greek, fullwidth): a different host to the URL parser. */
const HOMOGLYPHS: Record<string, string> = { a: 'а', e: 'е', o: 'ο', c: 'с', x: 'х', p: 'р' };
const homoglyph = (h: string) => {
  const index = h.split('').findIndex((char) => char in HOMOGLYPHS);
  return index === -1
    ? `${h}ɑ`
    : `${h.slice(0, index)}${HOMOGLYPHS[h[index] ?? ''] ?? ''}${h.slice(index + 1)}`;
};

/** Ways an employee (or a hostile page) may write an app's URL. */
const hostForms = (h: string) =>
  fc.constantFrom(
    h,
    `sub.${h}`,
    `${h}.`,
    `${h}..`,
    h.toUpperCase(),
    // Fullwidth letters: the URL parser maps them to ASCII (the same host).
    h.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    `${h}:8443`,
    `${h}:443`,
    `user:pw@${h}`,
    `${h}.evil.test`,
    `evil${h}`,
    `${h}@evil.test`,
    homoglyph(h),
    `${'a'.repeat(63)}.${'b'.repeat(63)}.${h}`,
    '127.0.0.1',
    '[::1]',
    h.replace(/\./g, '%2E'),
  );

const escapeOne = (path: string, at: number) => {
  const index = at % Math.max(1, path.length);
  const char = path[index] ?? '';
  if (!/[a-z0-9]/i.test(char)) return path;
  const hex = char.charCodeAt(0).toString(16).toUpperCase();
  return `${path.slice(0, index)}%${hex}${path.slice(index + 1)}`;
};

const pathForms = (path: string) =>
  fc.oneof(
    fc.constantFrom(
      path === '' ? '/' : path,
      `${path}/more`,
      `${path}more`,
      path.toUpperCase() || '/',
      path.replaceAll('/', '//') || '//',
      `/other${path}`,
      `/?u=${path}`,
      `/#${path}`,
      `${path};p=1`,
    ),
    fc.nat(30).map((at) => escapeOne(path || '/x', at)),
  );

/** A URL aimed at one of the patterns (or near it), in one of the forms above. */
export function urlArbitrary(patterns: readonly string[]) {
  const pool = patterns.length > 0 ? patterns : ['web.whatsapp.com'];
  return fc
    .constantFrom(...pool)
    .chain((pattern) => {
      const slash = pattern.indexOf('/');
      const h = slash === -1 ? pattern : pattern.slice(0, slash);
      const path = slash === -1 ? '' : pattern.slice(slash);
      return fc.tuple(
        fc.constantFrom('https', 'http'),
        hostForms(h),
        pathForms(path),
        fc.constantFrom('', '?q=1', '#frag', '?next=https://web.whatsapp.com/'),
      );
    })
    .map(([scheme, authority, path, tail]) => `${scheme}://${authority}${path}${tail}`);
}
