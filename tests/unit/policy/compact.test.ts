import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactPolicy, expandPolicy } from '../../../src/policy/compact';
import { compilePolicy } from '../../../src/policy/compile';
import { DEFAULT_POLICY } from '../../../src/policy/effective';
import { parsePolicy } from '../../../src/policy/parse';
import { largePolicy } from '../../support/large-policy';
import { policyArbitrary } from '../../support/random-policies';

const VALID = join(import.meta.dirname, '../../fixtures/policies/valid');
const compiled = (raw: unknown) =>
  compilePolicy(parsePolicy(raw).policy!, { isBuiltInDefault: false });
const roundTrip = (value: ReturnType<typeof compiled>) =>
  expandPolicy(JSON.parse(JSON.stringify(compactPolicy(value))));

describe('the stored compiled policy', () => {
  it.each(readdirSync(VALID))('reads back exactly as compiled: %s', (file) => {
    const policy = compiled(JSON.parse(readFileSync(join(VALID, file), 'utf8')));
    expect(roundTrip(policy)).toEqual(policy);
  });

  it('reads back exactly for the built-in default and for random policies', () => {
    const builtIn = compilePolicy(DEFAULT_POLICY, { isBuiltInDefault: true });
    expect(roundTrip(builtIn)).toEqual(builtIn);
    fc.assert(
      fc.property(policyArbitrary, (raw) => {
        const policy = compiled(raw);
        expect(roundTrip(policy)).toEqual(policy);
      }),
      { numRuns: 300 },
    );
  });

  it('fits 50,000 apps in storage.local (10 MB), a fifth of the compiled size or less', () => {
    for (const count of [5000, 50_000]) {
      const policy = compiled(largePolicy(count));
      const stored = JSON.stringify(compactPolicy(policy)).length;
      const full = JSON.stringify(policy).length;
      console.log(
        `${String(count)} apps: stored ${String(Math.round(stored / 1024))} KB (compiled in memory ${String(Math.round(full / 1024))} KB)`,
      );
      expect(stored).toBeLessThan(full / 5);
      expect(stored).toBeLessThan(count * 140 + 50_000);
    }
  });

  it.each([
    ['not an object', 'x'],
    ['an older format', { ...compactPolicy(compiled({})), formatVersion: 1 }],
    ['an app without patterns', { ...compactPolicy(compiled({})), apps: [{ id: 'x', name: 'X' }] }],
    [
      'an unknown action',
      {
        ...compactPolicy(compiled({})),
        apps: compactPolicy(compiled({})).apps.map((a) => ({ ...a, action: 'maybe' })),
      },
    ],
    ['no warnings', { ...compactPolicy(compiled({})), warnings: null }],
  ])('reads as null, never half-valid: %s', (_, value) => {
    expect(expandPolicy(value)).toBeNull();
  });
});
