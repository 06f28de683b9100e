/**
 * The encoded contract fields: organization.logo, policyPublicKeys, reporting.events and
 * reporting.headers. Good values and every kind of bad value (issue path and effect).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../../src/policy/compile';
import {
  base64ByteLength,
  checkLogo,
  isCanonicalBase64,
  isEd25519PublicKey,
  MAX_LOGO_BYTES,
  MAX_LOGO_URL_LENGTH,
} from '../../../src/policy/encodings';
import { joinPath } from '../../../src/policy/issues';
import { parsePolicy } from '../../../src/policy/parse';
import { PolicySchema } from '../../../src/policy/schema';
import { PNG_LOGO, SVG_LOGO } from '../../fixtures/logos';

const brief = (raw: unknown) =>
  parsePolicy(raw).issues.map(({ path, code, effect }) => `${code} ${path}: ${effect ?? ''}`);
const policyOf = (raw: unknown) => {
  const { policy } = parsePolicy(raw);
  if (!policy) throw new Error('no policy');
  return policy;
};
const base64Of = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngOfSize = (size: number) =>
  `data:image/png;base64,${base64Of(Uint8Array.from({ length: size }, (_, i) => PNG_SIGNATURE[i] ?? 0))}`;
const KEY = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo='; // RFC 8032 test 1 public key

describe('organization.logo', () => {
  it.each([
    ['an SVG', SVG_LOGO],
    ['a PNG', PNG_LOGO],
    ['a PNG of exactly 32 KB', pngOfSize(MAX_LOGO_BYTES)],
  ])('accepts %s', (_, logo) => {
    expect(checkLogo(logo)).toBeNull();
    const { policy, issues } = parsePolicy({ organization: { name: 'Org', logo } });
    expect(issues).toEqual([]);
    expect(policy?.organization.logo).toBe(logo);
  });

  const payload = PNG_LOGO.slice('data:image/png;base64,'.length);
  it.each([
    ['an address', 'https://voorbeeld.example/logo.png', 'media-type'],
    ['a JPEG', `data:image/jpeg;base64,${payload}`, 'media-type'],
    ['an upper-case media type', `data:image/PNG;base64,${payload}`, 'media-type'],
    ['a media type parameter', `data:image/png;charset=utf-8;base64,${payload}`, 'media-type'],
    ['SVG markup that is not base64', 'data:image/svg+xml,<svg></svg>', 'media-type'],
    [
      'a line break in the base64',
      `data:image/png;base64,${payload.slice(0, 8)}\n${payload.slice(8)}`,
      'base64',
    ],
    ['missing padding', PNG_LOGO.replace(/=+$/, ''), 'base64'],
    ['the URL-safe alphabet', 'data:image/png;base64,iVBORw0KGgo-_A==', 'base64'],
    ['non-zero padding bits', 'data:image/png;base64,iVBORw0KGgB=', 'base64'],
    ['32 KB and one byte', pngOfSize(MAX_LOGO_BYTES + 1), 'too-large'],
    ['a very long string', `data:image/png;base64,${'A'.repeat(200_000)}`, 'too-large'],
    [
      'SVG data under a PNG media type',
      `data:image/png;base64,${SVG_LOGO.split(',')[1] ?? ''}`,
      'not-png',
    ],
    ['PNG data under an SVG media type', `data:image/svg+xml;base64,${payload}`, 'not-svg'],
    ['no data at all', 'data:image/png;base64,', 'not-png'],
  ])('refuses %s', (_, logo, problem) => {
    expect(checkLogo(logo)).toBe(problem);
    const { policy, issues } = parsePolicy({ organization: { name: 'Org', logo } });
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'organization.logo',
        code: 'invalid-value',
        severity: 'error',
        effect: 'ignored; the default applies',
      }),
    ]);
    expect(issues[0]?.value?.length).toBeLessThanOrEqual(80);
    expect(policy?.organization).toEqual({ name: 'Org' });
  });

  it('refuses a logo that is not a string', () => {
    expect(brief({ organization: { logo: 42 } })).toEqual([
      'invalid-type organization.logo: ignored; the default applies',
    ]);
  });

  it('limits the whole data URL to what 32 KB of image data needs', () => {
    expect(MAX_LOGO_URL_LENGTH).toBe('data:image/svg+xml;base64,'.length + 43_692);
  });
});

describe('base64 helpers', () => {
  it.each(['', 'AA==', 'AAA=', 'AAAA', KEY])('%j is canonical', (text) => {
    expect(isCanonicalBase64(text)).toBe(true);
    expect(base64ByteLength(text)).toBe(Buffer.from(text, 'base64').length);
  });

  it.each(['A', 'AB=', 'AB==', 'AAB=', 'AA', ' AAAA', 'AA-_', 'AA=A'])('%j is not', (text) => {
    expect(isCanonicalBase64(text)).toBe(false);
  });
});

describe('policyPublicKeys', () => {
  it('keeps valid keys', () => {
    expect(policyOf({ policyPublicKeys: [KEY] }).policyPublicKeys).toEqual([KEY]);
    expect(isEd25519PublicKey(KEY)).toBe(true);
  });

  it.each([
    ['too short', 'abc'],
    ['without padding', KEY.slice(0, -1)],
    ['64 bytes (a private key or a signature)', base64Of(new Uint8Array(64))],
    ['31 bytes', base64Of(new Uint8Array(31))],
    ['hexadecimal', 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'],
    ['with a line break', `${KEY.slice(0, 20)}\n${KEY.slice(20)}`],
  ])('drops a key that is %s, with the item path', (_, bad) => {
    const { policy, issues } = parsePolicy({ policyPublicKeys: [KEY, bad] });
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'policyPublicKeys[1]',
        code: 'invalid-value',
        effect: 'this item is ignored',
      }),
    ]);
    expect(policy?.policyPublicKeys).toEqual([KEY]);
  });

  it('drops a key that is not a string; a list that is not a list falls back to []', () => {
    expect(brief({ policyPublicKeys: [7] })).toEqual([
      'invalid-type policyPublicKeys[0]: this item is ignored',
    ]);
    expect(brief({ policyPublicKeys: KEY })).toEqual([
      'invalid-type policyPublicKeys: ignored; the default applies',
    ]);
  });
});

describe('reporting.events and reporting.headers', () => {
  it('keeps good values', () => {
    const { reporting } = policyOf({
      reporting: {
        events: true,
        headers: { 'X-Api-Key': 'abc 123', authorization: 'Bearer x.y', "!#$%&'*+-.^_`|~": '' },
      },
    });
    expect(reporting).toEqual({
      intervalMinutes: 60,
      events: true,
      headers: { 'X-Api-Key': 'abc 123', authorization: 'Bearer x.y', "!#$%&'*+-.^_`|~": '' },
    });
  });

  it('refuses an events value that is not a boolean', () => {
    expect(brief({ reporting: { events: 'yes' } })).toEqual([
      'invalid-type reporting.events: ignored; the default applies',
    ]);
  });

  it.each([
    ['a space in the name', 'X Api-Key', 'v'],
    ['a colon in the name', 'X-Api-Key:', 'v'],
    ['an empty name', '', 'v'],
    ['a non-ASCII name', 'X-Sleutél', 'v'],
    ['a CR in the value', 'X-Api-Key', 'a\rb'],
    ['an LF in the value', 'X-Api-Key', 'a\nInjected: 1'],
    ['a NUL in the value', 'X-Api-Key', 'a\0b'],
  ])('drops a header with %s and keeps the others', (_, name, value) => {
    const { policy, issues } = parsePolicy({
      reporting: { headers: { Good: 'yes', [name]: value } },
    });
    expect(issues).toEqual([
      expect.objectContaining({
        path: joinPath('reporting.headers', name),
        code: 'invalid-value',
        effect: 'this entry is ignored',
      }),
    ]);
    expect(policy?.reporting.headers).toEqual({ Good: 'yes' });
  });

  it('never shows a header value in an issue (it may be a secret); the name stays visible', () => {
    const { issues } = parsePolicy({
      reporting: { headers: { 'X-Api-Key': 's3cret\nX-Evil: 1', 'Bad Name': 's3cret' } },
    });
    expect(issues.map(({ path, value }) => [path, value])).toEqual([
      ['reporting.headers.X-Api-Key', '(hidden: a header value may be a secret)'],
      ['reporting.headers["Bad Name"]', '"Bad Name"'],
    ]);
    expect(JSON.stringify(parsePolicy({ reporting: { headers: 's3cret' } }).issues)).not.toContain(
      's3cret',
    );
  });

  it('drops a header value that is not a string', () => {
    expect(brief({ reporting: { headers: { 'X-Count': 3 } } })).toEqual([
      'invalid-type reporting.headers.X-Count: this entry is ignored',
    ]);
  });

  it('keeps the headers out of the compiled table that content scripts read', () => {
    const compiled = compilePolicy(
      policyOf({
        reporting: {
          url: 'https://otel.example/',
          events: true,
          headers: { 'X-Api-Key': 's3cret' },
        },
      }),
      { isBuiltInDefault: false },
    );
    expect(compiled.reporting).toEqual({
      url: 'https://otel.example/',
      intervalMinutes: 60,
      events: true,
    });
    expect(JSON.stringify(compiled)).not.toContain('s3cret');
  });
});

describe('the contract-fields fixture', () => {
  const fixture = JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../../fixtures/policies/valid/contract-fields.json'),
      'utf8',
    ),
  ) as unknown;

  it('uses every new field and parses to exactly what it says', () => {
    const { policy, issues } = parsePolicy(fixture);
    expect(issues).toEqual([]);
    expect(policy).toEqual(PolicySchema.parse(fixture));
    expect(policy?.organization.logo).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(policy?.rules[0]?.warnings?.reasons?.map((r) => r.id)).toEqual(['supplier', 'incident']);
    expect(policy?.policyPublicKeys).toHaveLength(1);
    expect(policy?.reporting.headers).toEqual({ 'X-Api-Key': '0123456789abcdef' });
  });
});
