import { describe, expect, it } from 'vitest';
import { hashPolicy, resolvePolicy, type StoredPolicy } from '../../../src/policy/effective';
import { parsePolicy } from '../../../src/policy/parse';

const stored = (raw: unknown, receivedAt = 1000): StoredPolicy => {
  const policy = parsePolicy(raw).policy!;
  return { policy, receivedAt, hash: hashPolicy(policy) };
};

describe('resolvePolicy', () => {
  it('uses the built-in default when no organisation policy was ever received', () => {
    const { effective, save } = resolvePolicy({}, null, 5000);
    expect(effective).toMatchObject({
      source: 'default',
      fallbackReason: 'no-managed-policy',
      issues: [],
    });
    expect(save).toBeUndefined();
  });

  it('applies a valid managed policy and asks to store it as last-known-good', () => {
    const { effective, save } = resolvePolicy({ defaultAction: 'block' }, null, 5000);
    expect(effective).toMatchObject({ source: 'managed', receivedAt: 5000 });
    expect(save).toMatchObject({ receivedAt: 5000, hash: effective.hash });
  });

  it('does not store the same policy twice and keeps its first receipt time', () => {
    const { effective, save } = resolvePolicy(
      { defaultAction: 'block' },
      stored({ defaultAction: 'block' }),
      9000,
    );
    expect(effective.receivedAt).toBe(1000);
    expect(save).toBeUndefined();
  });

  it('keeps last-known-good in force, with the reason and issues, when the managed document is unusable', () => {
    const { effective, save } = resolvePolicy(
      { schemaVersion: 7 },
      stored({ defaultAction: 'block' }),
      9000,
    );
    expect(effective).toMatchObject({
      source: 'last-known-good',
      fallbackReason: 'managed-policy-unusable',
      receivedAt: 1000,
    });
    expect(effective.policy.defaultAction).toBe('block');
    expect(effective.issues[0]).toMatchObject({ code: 'unsupported-version' });
    expect(save).toBeUndefined();
  });

  it('keeps last-known-good in force when the managed policy disappears', () => {
    const { effective } = resolvePolicy({}, stored({ defaultAction: 'block' }), 9000);
    expect(effective).toMatchObject({
      source: 'last-known-good',
      fallbackReason: 'no-managed-policy',
    });
  });

  it('hashes content, not key order of the input', () => {
    const a = parsePolicy({ defaultAction: 'block', locale: 'nl' }).policy;
    const b = parsePolicy({ locale: 'nl', defaultAction: 'block' }).policy;
    expect(hashPolicy(a)).toBe(hashPolicy(b));
    expect(hashPolicy(a)).toMatch(/^[0-9a-f]{12}$/);
    const alternative = (instructions: Record<string, string>) =>
      parsePolicy({ alternatives: [{ id: 'teams', url: 'https://t.example/', instructions }] })
        .policy;
    expect(hashPolicy(alternative({ nl: 'Gebruik Teams', en: 'Use Teams' }))).toBe(
      hashPolicy(alternative({ en: 'Use Teams', nl: 'Gebruik Teams' })),
    );
    expect(hashPolicy(alternative({ nl: 'Gebruik Teams' }))).not.toBe(
      hashPolicy(alternative({ nl: 'Gebruik Teams!' })),
    );
  });
});
