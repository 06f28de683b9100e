import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSuggester, editDistance, suggest } from '../../../src/policy/suggest';

/** The full-table optimal string alignment distance, as suggest.ts had it before the band. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(
        d[i - 1]![j]! + 1,
        row[j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it.each([
    ['temas', 'teams', 1],
    ['defaultActon', 'defaultAction', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it('equals the full table, capped at limit + 1, for any strings and limit', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 14 }), (a, b, limit) => {
        const full = referenceDistance(a, b);
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(a, b, limit)).toBe(Math.min(full, limit + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('with a limit, costs time in proportion to the shorter string, not the product', () => {
    const long = 'x'.repeat(200_000);
    const started = performance.now();
    expect(editDistance(long, `${long}yz`, 3)).toBe(2);
    expect(editDistance(long, `y${long.slice(1)}`, 3)).toBe(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('createSuggester', () => {
  it('suggests the nearest candidate within a third of the length, case-insensitively', () => {
    expect(suggest('defaultActon', ['defaultAction', 'rules'])).toBe('defaultAction');
    expect(suggest('TELEGARM', ['whatsapp', 'telegram'])).toBe('telegram');
    expect(suggest('xyz', ['whatsapp', 'telegram'])).toBeUndefined();
  });

  it('keeps the first of equally near candidates', () => {
    expect(suggest('teams', ['teamz', 'teamy'])).toBe('teamz');
  });

  it('gives no suggestion for inputs longer than 64 characters', () => {
    const id = `${'a'.repeat(64)}b`;
    expect(suggest(id.slice(1), [id])).toBe(id);
    expect(suggest(id, [id.slice(1)])).toBeUndefined();
  });

  it('stops suggesting once the budget of compared candidates is spent', () => {
    const near = createSuggester(5);
    expect(near('telegarm', ['a', 'b', 'telegram'])).toBe('telegram');
    expect(near('telegarm', ['a', 'telegram'])).toBe('telegram');
    expect(near('telegarm', ['telegram'])).toBeUndefined();
  });
});
