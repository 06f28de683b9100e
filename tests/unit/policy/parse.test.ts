import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/policy/parse';

const fixtures = join(import.meta.dirname, '../../fixtures/policies');
const load = (dir: string, file: string): unknown =>
  JSON.parse(readFileSync(join(fixtures, dir, file), 'utf8'));
const brief = (raw: unknown) =>
  parsePolicy(raw).issues.map(({ path, code, severity }) => `${severity} ${code} ${path}`);

describe('parsePolicy on fixtures', () => {
  it.each(readdirSync(join(fixtures, 'valid')))('valid/%s parses with no issues', (file) => {
    const { policy, issues } = parsePolicy(load('valid', file));
    expect(issues).toEqual([]);
    expect(policy).not.toBeNull();
  });

  it.each([
    ['one-bad-rule.json', ['error invalid-value rules[1].action']],
    ['typo-key.json', ['warning unknown-key defaultActon', 'error unknown-app rules[0].app']],
    ['unsupported-version.json', ['error unsupported-version schemaVersion']],
    [
      'bad-urls-and-patterns.json',
      [
        'error invalid-value organization.supportUrl',
        'error invalid-value alternatives[0].url',
        'error invalid-value customApps[1].id',
        'error invalid-value warnings.acknowledgeForDays',
        'error invalid-value requirements[1]',
        'error invalid-pattern customApps[0].match[0]',
        'error invalid-pattern customApps[0].match[2]',
      ],
    ],
  ])('invalid/%s gives exactly the expected issues', (file, expected) => {
    expect(brief(load('invalid', file))).toEqual(expected);
  });
});

describe('parsePolicy', () => {
  it('drops one bad rule and keeps the good ones', () => {
    const { policy, issues } = parsePolicy(load('invalid', 'one-bad-rule.json'));
    expect(policy?.rules.map((r) => `${r.app}:${r.action}`)).toEqual([
      'telegram:block',
      'whatsapp:allow',
    ]);
    expect(issues[0]).toMatchObject({
      path: 'rules[1].action',
      message: 'must be one of: "allow", "warn", "block"',
      effect: 'this rule is ignored',
      value: '"blok"',
    });
  });

  it('reports unknown keys as warnings with the nearest known key', () => {
    const { policy, issues } = parsePolicy({
      defaultActon: 'block',
      organization: { nmae: 'Acme' },
    });
    expect(policy?.defaultAction).toBe('warn');
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'defaultActon',
        severity: 'warning',
        suggestion: 'defaultAction',
      }),
      expect.objectContaining({
        path: 'organization.nmae',
        severity: 'warning',
        suggestion: 'name',
      }),
    ]);
  });

  it('suggests the nearest app id for a typo in rules[].app', () => {
    const { issues } = parsePolicy({ rules: [{ app: 'telegarm', action: 'block' }] });
    expect(issues[0]).toMatchObject({
      path: 'rules[0].app',
      code: 'unknown-app',
      suggestion: 'telegram',
    });
  });

  it.each([
    ['null', null],
    ['a string', 'defaultAction=block'],
    ['an array', [{ defaultAction: 'block' }]],
    ['a number', 42],
  ])('yields no policy for %s', (_, raw) => {
    const { policy, issues } = parsePolicy(raw);
    expect(policy).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({ code: 'not-an-object', path: '(document)' }),
    ]);
  });

  it.each([[2], [2.5], [99]])('yields no policy for a newer schemaVersion %j', (schemaVersion) => {
    expect(parsePolicy({ schemaVersion }).policy).toBeNull();
  });

  it.each([['1'], [0], [-1], [null]])(
    'reports schemaVersion %j and reads the rest as version 1',
    (schemaVersion) => {
      const { policy, issues } = parsePolicy({ schemaVersion, defaultAction: 'block' });
      expect(policy?.defaultAction).toBe('block');
      expect(issues).toEqual([
        expect.objectContaining({ path: 'schemaVersion', code: 'invalid-value' }),
      ]);
    },
  );

  it('drops a bad language entry of a text and keeps the others', () => {
    const { policy, issues } = parsePolicy({
      rules: [
        {
          app: 'whatsapp',
          action: 'warn',
          message: { nl: 'Gebruik Teams.', EN: 'Use Teams.', en: 42 },
        },
      ],
    });
    expect(policy?.rules[0]?.message).toEqual({ nl: 'Gebruik Teams.' });
    expect(issues.map((i) => i.path)).toEqual(['rules[0].message.EN', 'rules[0].message.en']);
  });

  it('stays fast on very long unknown keys and ids (no typo search on them)', () => {
    const started = performance.now();
    const { issues } = parsePolicy({
      ['x'.repeat(200_000)]: 1,
      rules: [{ app: 'y'.repeat(100_000), action: 'block' }],
    });
    expect(issues.map((i) => i.code)).toEqual(['unknown-key', 'unknown-app']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('writes unusual keys in a path as JSON, so that no path is empty or spans lines', () => {
    const raw = JSON.parse(
      '{"": 1, "a.b": 2, "x\\r\\ny": 3, "0": 4, "organization": {"": 5}, "rules": [{"app": "whatsapp", "action": "warn", "message": {"EN": "x"}}]}',
    );
    expect(parsePolicy(raw).issues.map((issue) => issue.path)).toEqual([
      '["0"]',
      '[""]',
      '["a.b"]',
      '["x\\r\\ny"]',
      'organization[""]',
      'rules[0].message.EN',
    ]);
  });

  it('refuses a URL with a password but no user name', () => {
    expect(
      parsePolicy({ organization: { supportUrl: 'https://:pw@helpdesk.example/' } }).issues[0],
    ).toMatchObject({ path: 'organization.supportUrl' });
  });

  it('applies the contract defaults', () => {
    expect(parsePolicy({}).policy).toEqual({
      schemaVersion: 1,
      organization: {},
      defaultAction: 'warn',
      rules: [],
      customApps: [],
      alternatives: [],
      requirements: [],
      warnings: {
        acknowledgeForDays: 1,
        allowProceed: false,
        requireReason: true,
        proceedForMinutes: 0,
        reasons: [],
      },
      locale: 'auto',
      policyRefreshMinutes: 60,
      policyPublicKeys: [],
      eventLog: { retentionDays: 30 },
      reporting: { intervalMinutes: 60, events: false, headers: {} },
    });
  });

  it('keeps a field default when the given value has the wrong type', () => {
    const { policy, issues } = parsePolicy({
      warnings: { allowProceed: 'yes', acknowledgeForDays: 3 },
    });
    expect(policy?.warnings).toEqual({
      acknowledgeForDays: 3,
      allowProceed: false,
      requireReason: true,
      proceedForMinutes: 0,
      reasons: [],
    });
    expect(issues[0]).toMatchObject({
      path: 'warnings.allowProceed',
      code: 'invalid-type',
      effect: 'ignored; the default applies',
    });
  });

  it('reports a missing required field with its path', () => {
    const { policy, issues } = parsePolicy({ rules: [{ app: 'telegram' }] });
    expect(policy?.rules).toEqual([]);
    expect(issues[0]).toMatchObject({ path: 'rules[0].action', code: 'missing' });
  });

  it('drops a reference to an unknown alternative but keeps the rule', () => {
    const { policy, issues } = parsePolicy({
      alternatives: [{ id: 'teams', url: 'https://teams.microsoft.com/' }],
      rules: [{ app: 'whatsapp', action: 'block', alternative: 'temas' }],
    });
    expect(policy?.rules).toEqual([{ app: 'whatsapp', action: 'block' }]);
    expect(issues[0]).toMatchObject({
      path: 'rules[0].alternative',
      code: 'unknown-alternative',
      suggestion: 'teams',
    });
  });

  it('keeps only the first rule for an app', () => {
    const { policy, issues } = parsePolicy({
      rules: [
        { app: 'whatsapp', action: 'block' },
        { app: 'whatsapp', action: 'allow' },
      ],
    });
    expect(policy?.rules).toEqual([{ app: 'whatsapp', action: 'block' }]);
    expect(issues[0]).toMatchObject({ path: 'rules[1]', code: 'duplicate', severity: 'warning' });
  });

  it('refuses a custom app that reuses a catalogue id', () => {
    const { policy, issues } = parsePolicy({
      customApps: [{ id: 'whatsapp', name: 'W', match: ['w.example'] }],
    });
    expect(policy?.customApps).toEqual([]);
    expect(issues[0]).toMatchObject({ path: 'customApps[0].id', code: 'duplicate' });
  });

  it('never throws on hostile shapes', () => {
    const hostile = [
      { rules: 'all' },
      { rules: [null, 1, 'x', [], { app: {}, action: [] }] },
      { organization: [] },
      { customApps: [{ id: 'a', name: 'A', match: [] }] },
      { alternatives: [{ id: 'a', url: 'https://user:pw@evil.example/' }] },
      JSON.parse('{"__proto__": {"defaultAction": "block"}, "constructor": 1}'),
    ];
    for (const raw of hostile) expect(() => parsePolicy(raw)).not.toThrow();
    expect(parsePolicy(hostile[5]).policy?.defaultAction).toBe('warn');
  });
});
