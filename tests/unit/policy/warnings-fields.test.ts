/**
 * The new `warnings` fields, reasons and proceedForMinutes (also per rule), and the defaults of
 * every field: good values, every kind of bad value (issue path and effect).
 */
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../../src/policy/compile';
import { parsePolicy } from '../../../src/policy/parse';
import { PolicySchema, WarningsOverrideSchema } from '../../../src/policy/schema';

const brief = (raw: unknown) =>
  parsePolicy(raw).issues.map(({ path, code, effect }) => `${code} ${path}: ${effect ?? ''}`);
const policyOf = (raw: unknown) => {
  const { policy } = parsePolicy(raw);
  if (!policy) throw new Error('no policy');
  return policy;
};

describe('defaults', () => {
  it('PolicySchema.parse({}) is the full default policy, new fields included', () => {
    expect(PolicySchema.parse({})).toEqual({
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

  it('fills a partly given warnings object from the same field defaults', () => {
    expect(PolicySchema.parse({ warnings: { allowProceed: true } }).warnings).toEqual({
      ...PolicySchema.parse({}).warnings,
      allowProceed: true,
    });
  });

  it('never shares a default list or object between two parses', () => {
    const [a, b] = [PolicySchema.parse({}), PolicySchema.parse({})];
    expect(a.warnings.reasons).not.toBe(b.warnings.reasons);
    expect(a.reporting.headers).not.toBe(b.reporting.headers);
    expect(a.policyPublicKeys).not.toBe(b.policyPublicKeys);
  });

  it('a rule override carries no defaults: only what the rule gives applies', () => {
    expect(WarningsOverrideSchema.parse({})).toEqual({});
    const compiled = compilePolicy(
      policyOf({
        warnings: { proceedForMinutes: 30, reasons: [{ id: 'a', text: { en: 'A' } }] },
        rules: [{ app: 'telegram', action: 'block', warnings: { allowProceed: true } }],
      }),
      { isBuiltInDefault: false },
    );
    expect(compiled.apps.find((app) => app.id === 'telegram')?.warnings).toEqual({
      acknowledgeForDays: 1,
      allowProceed: true,
      requireReason: true,
      proceedForMinutes: 30,
      reasons: [{ id: 'a', text: { en: 'A' } }],
    });
  });
});

describe('warnings.reasons', () => {
  const reasons = (list: unknown[]) => ({ warnings: { reasons: list } });

  it('keeps good reasons in order, with their texts trimmed', () => {
    const policy = policyOf(
      reasons([
        { id: 'supplier', text: { nl: ' Leverancier ', en: 'Supplier' } },
        { id: 'incident-2', text: { en: 'Incident' } },
      ]),
    );
    expect(policy.warnings.reasons).toEqual([
      { id: 'supplier', text: { nl: 'Leverancier', en: 'Supplier' } },
      { id: 'incident-2', text: { en: 'Incident' } },
    ]);
  });

  it.each([
    ['an id with capitals', { id: 'Supplier', text: { en: 'x' } }, 'invalid-value', '[0].id'],
    ['an id with a space', { id: 'a b', text: { en: 'x' } }, 'invalid-value', '[0].id'],
    ['an empty id', { id: '', text: { en: 'x' } }, 'invalid-value', '[0].id'],
    ['no id', { text: { en: 'x' } }, 'missing', '[0].id'],
    ['no text', { id: 'a' }, 'missing', '[0].text'],
    ['a text with no language', { id: 'a', text: {} }, 'invalid-value', '[0].text'],
    ['a text as a string', { id: 'a', text: 'x' }, 'invalid-type', '[0].text'],
    ['not an object', 'supplier', 'invalid-type', '[0]'],
  ])('drops a reason with %s', (_, reason, code, at) => {
    const { policy, issues } = parsePolicy(reasons([reason, { id: 'ok', text: { en: 'OK' } }]));
    expect(issues[0]).toMatchObject({ code, path: `warnings.reasons${at}` });
    expect(issues.at(-1)?.effect).toBe('this item is ignored');
    expect(policy?.warnings.reasons.map((r) => r.id)).toEqual(['ok']);
  });

  it('drops an empty or too long text in one language and keeps the others', () => {
    const { policy, issues } = parsePolicy(
      reasons([{ id: 'a', text: { nl: '   ', de: 'x'.repeat(201), en: 'Fine' } }]),
    );
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'warnings.reasons[0].text.nl: must not be empty',
      'warnings.reasons[0].text.de: must be at most 200 characters',
    ]);
    expect(policy?.warnings.reasons).toEqual([{ id: 'a', text: { en: 'Fine' } }]);
  });

  it('drops a reason whose id an earlier reason has, at the path the admin wrote', () => {
    const raw = {
      warnings: {
        reasons: [
          { id: 'a', text: { en: 'First' } },
          { id: 'B', text: { en: 'bad id' } },
          { id: 'a', text: { en: 'Second' } },
        ],
      },
    };
    const { policy, issues } = parsePolicy(raw);
    expect(issues.map(({ path, code }) => `${code} ${path}`)).toEqual([
      'invalid-value warnings.reasons[1].id',
      'duplicate warnings.reasons[2].id',
    ]);
    expect(issues[1]).toMatchObject({ severity: 'error', effect: 'this reason is ignored' });
    expect(policy?.warnings.reasons).toEqual([{ id: 'a', text: { en: 'First' } }]);
    // The caller's document is left as it was.
    expect(raw.warnings.reasons).toHaveLength(3);
  });

  it('does the same inside a rule, with the rule index the admin wrote', () => {
    const { policy, issues } = parsePolicy({
      rules: [
        { app: 'whatsapp', action: 'blokk' },
        {
          app: 'telegram',
          action: 'block',
          warnings: {
            reasons: [
              { id: 'a', text: { en: 'A' } },
              { id: 'a', text: { en: 'A again' } },
            ],
          },
        },
      ],
    });
    expect(issues.map(({ path, code }) => `${code} ${path}`)).toEqual([
      'invalid-value rules[0].action',
      'duplicate rules[1].warnings.reasons[1].id',
    ]);
    expect(policy?.rules[0]?.warnings?.reasons).toEqual([{ id: 'a', text: { en: 'A' } }]);
  });

  it('does not count a dropped reason: a later valid one with its id applies', () => {
    const { policy, issues } = parsePolicy(
      reasons([
        { id: 'a', text: {} },
        { id: 'a', text: { en: 'Valid' } },
      ]),
    );
    expect(issues.map((i) => i.code)).toEqual(['invalid-value']);
    expect(policy?.warnings.reasons).toEqual([{ id: 'a', text: { en: 'Valid' } }]);
  });

  it('a rule that gives reasons replaces the general list for its app', () => {
    const compiled = compilePolicy(
      policyOf({
        warnings: { reasons: [{ id: 'general', text: { en: 'G' } }] },
        rules: [
          {
            app: 'telegram',
            action: 'block',
            warnings: { reasons: [{ id: 'own', text: { en: 'O' } }] },
          },
        ],
      }),
      { isBuiltInDefault: false },
    );
    const reasonsOf = (id: string) =>
      compiled.apps.find((app) => app.id === id)?.warnings.reasons.map((r) => r.id);
    expect(reasonsOf('telegram')).toEqual(['own']);
    expect(reasonsOf('whatsapp')).toEqual(['general']);
  });
});

describe('warnings.proceedForMinutes', () => {
  it.each([0, 1, 10080])('accepts %d', (minutes) => {
    expect(policyOf({ warnings: { proceedForMinutes: minutes } }).warnings.proceedForMinutes).toBe(
      minutes,
    );
  });

  it.each([-1, 10081, 1.5, '60', null])('refuses %j and keeps the default 0', (minutes) => {
    const { policy, issues } = parsePolicy({ warnings: { proceedForMinutes: minutes } });
    expect(brief({ warnings: { proceedForMinutes: minutes } })).toEqual([
      `${issues[0]?.code ?? ''} warnings.proceedForMinutes: ignored; the default applies`,
    ]);
    expect(policy?.warnings.proceedForMinutes).toBe(0);
  });

  it('is overridable per rule; a bad override falls back to the general value', () => {
    const policy = policyOf({
      warnings: { proceedForMinutes: 15 },
      rules: [
        { app: 'telegram', action: 'block', warnings: { proceedForMinutes: 120 } },
        { app: 'discord', action: 'block', warnings: { proceedForMinutes: 99999 } },
      ],
    });
    const compiled = compilePolicy(policy, { isBuiltInDefault: false });
    const minutesOf = (id: string) =>
      compiled.apps.find((app) => app.id === id)?.warnings.proceedForMinutes;
    expect([minutesOf('telegram'), minutesOf('discord'), minutesOf('whatsapp')]).toEqual([
      120, 15, 15,
    ]);
    expect(
      brief({
        rules: [{ app: 'discord', action: 'block', warnings: { proceedForMinutes: 99999 } }],
      }),
    ).toEqual(['invalid-value rules[0].warnings.proceedForMinutes: ignored; the default applies']);
  });
});
