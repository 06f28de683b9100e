/** A 2,000-case sample of the parsePolicy fuzz properties (the full run: `npm run test:fuzz`). */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/policy/parse';
import { checkParse, fuzzParsePolicy, type FuzzStats } from '../../fuzz/policy-cases';

describe('parsePolicy on fuzzed policies', () => {
  it('keeps its promises on 2,000 of them', () => {
    const stats = fuzzParsePolicy(2000);
    console.log(
      `fuzz sample: ${String(stats.cases)} cases, ${String(stats.issues)} issues, slowest parse ${stats.maxMs.toFixed(1)} ms`,
    );
    expect(stats.cases).toBeGreaterThanOrEqual(2000);
    expect(stats.issues).toBeGreaterThan(0);
  });

  const stats = (): FuzzStats => ({ cases: 0, nullPolicies: 0, issues: 0, maxMs: 0 });
  it.each<[string, typeof parsePolicy]>([
    [
      'throws',
      () => {
        throw new Error('boom');
      },
    ],
    [
      'writes to its input',
      (raw) => {
        (raw as Record<string, unknown>).defaultAction = 'block';
        return parsePolicy(raw);
      },
    ],
    ['yields no policy for a usable document', () => ({ policy: null, issues: [] })],
    [
      'yields a policy the schema refuses',
      (raw) => {
        const { policy, issues } = parsePolicy(raw);
        return { policy: policy && { ...policy, defaultAction: 'blok' as 'block' }, issues };
      },
    ],
    [
      'reports an issue without a path',
      (raw) => {
        const { policy, issues } = parsePolicy(raw);
        return {
          policy,
          issues: [...issues, { path: '', code: 'missing', severity: 'error', message: 'x' }],
        };
      },
    ],
  ])('the checks catch a parse that %s', (_, parse) => {
    expect(() =>
      checkParse({ rules: [{ app: 'whatsapp', action: 'warn' }] }, stats(), parse),
    ).toThrow();
    expect(() =>
      checkParse({ rules: [{ app: 'whatsapp', action: 'warn' }] }, stats()),
    ).not.toThrow();
  });
});
