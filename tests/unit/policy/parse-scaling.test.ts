/**
 * parsePolicy costs time in proportion to the document (issue 13: 5,000 unknown-app rules with
 * 5,000 custom apps took 366 s; one 100,000-character id with 100 rules, 50 s). Each case parses a
 * document and one ten times its size: the larger may cost at most 20 times as much.
 */
import { describe, expect, it } from 'vitest';
import { showValue } from '../../../src/policy/issues';
import { parsePolicy } from '../../../src/policy/parse';

/** The best of a few runs, in ms: the least disturbed by the machine's other work. */
function timeParse(raw: unknown): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    parsePolicy(raw);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function expectLinear(label: string, small: unknown, large: unknown): void {
  parsePolicy(small); // warm up the JIT
  const smallMs = timeParse(small);
  const largeMs = timeParse(large);
  // A floor of 1 ms keeps timer resolution from deciding the ratio when the small case is instant.
  const ratio = largeMs / Math.max(smallMs, 1);
  console.log(
    `${label}: ${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms at 10× the size (× ${ratio.toFixed(1)})`,
  );
  expect(ratio).toBeLessThan(20);
  // And fast in absolute terms (before the fix: 276 s and 5 s for the two larger documents).
  expect(largeMs).toBeLessThan(1000);
}

/** `n` custom apps and `n` rules, each naming an app that does not exist. */
const unknownAppRules = (n: number) => ({
  customApps: Array.from({ length: n }, (_, i) => ({
    id: `app-${String(i)}`,
    name: `App ${String(i)}`,
    match: [`app${String(i)}.example`],
  })),
  rules: Array.from({ length: n }, (_, i) => ({ app: `unknown-${String(i)}`, action: 'block' })),
});

/** Strings of `length` characters in every string field, valid and invalid, plus 100 rules. */
function longStrings(length: number) {
  const s = 'ab-'.repeat(length / 3 + 1).slice(0, length);
  return {
    [s]: 1,
    organization: {
      name: s,
      supportUrl: `https://${s}.example/`,
      supportEmail: s,
      supportPhone: s,
      requestAccessUrl: `https://a.example/${s}`,
      [`${s}x`]: 1,
    },
    defaultAction: s,
    locale: s,
    policyUrl: `https://a.example/${s}`,
    customApps: [
      { id: s, name: 'A', match: ['a.example'] },
      { id: 'b', name: s, category: s, match: [s, `${s}.example`, `a.example/${s}`] },
    ],
    rules: [
      { app: s, action: 'block', alternative: s, message: { en: s, [s]: s } },
      ...Array.from({ length: 100 }, (_, i) => ({ app: `unknown-${String(i)}`, action: 'warn' })),
    ],
    alternatives: [{ id: s, name: s, url: `https://${s}/`, instructions: { en: s, [s]: s } }],
    requirements: [s],
    warnings: { acknowledgeForDays: s, [s]: s },
  };
}

describe('parsePolicy scales linearly', () => {
  it('500 vs 5,000 custom apps and rules for unknown apps', () => {
    expectLinear('custom apps + unknown-app rules', unknownAppRules(500), unknownAppRules(5000));
    const { issues } = parsePolicy(unknownAppRules(5000));
    expect(issues).toHaveLength(5000);
    expect(issues.every((issue) => issue.code === 'unknown-app')).toBe(true);
  });

  it('10,000 vs 100,000-character strings in every field', () => {
    expectLinear('long strings', longStrings(10_000), longStrings(100_000));
  });

  it('still suggests for the first typos of a large document, and reports the rest plainly', () => {
    const raw = unknownAppRules(5000);
    raw.rules.unshift({ app: 'telegarm', action: 'block' });
    raw.rules.push({ app: 'whatsap', action: 'block' });
    const { issues } = parsePolicy(raw);
    expect(issues[0]).toMatchObject({ path: 'rules[0].app', suggestion: 'telegram' });
    expect(issues.at(-1)).toMatchObject({
      path: 'rules[5001].app',
      message: 'no catalogue app or custom app has this id',
    });
    expect(issues.at(-1)?.suggestion).toBeUndefined();
  });
});

describe('showValue', () => {
  it.each([
    ['a string', 'blok', '"blok"'],
    ['a number', 42, '42'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a list with holes and undefined', [1, undefined, , 'x'], '[1,null,null,"x"]'],
    ['an object skipping undefined', { a: 1, b: undefined, c: [true] }, '{"a":1,"c":[true]}'],
    ['a bigint', 12n, '12'],
    ['escapes', 'a"b\\c\n', '"a\\"b\\\\c\\n"'],
    ['an own __proto__ key', JSON.parse('{"__proto__":{"x":1}}'), '{"__proto__":{"x":1}}'],
  ])('writes %s as JSON.stringify does', (_, value, expected) => {
    expect(showValue(value)).toBe(expected);
  });

  it('cuts to 80 characters, never between the halves of a surrogate pair', () => {
    const long = { text: 'x'.repeat(200) };
    expect(showValue(long)).toBe(`${JSON.stringify(long).slice(0, 77)}…`);
    const emoji = `${'x'.repeat(75)}😀😀😀`;
    expect(showValue(emoji)).toBe(`"${'x'.repeat(75)}…`);
  });

  it('reads only the part it shows of a 100 MB string, a huge list and deep nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const huge = 'x'.repeat(100_000_000);
    const list = new Array<string>(10_000_000).fill(huge);
    // JSON.stringify would need seconds for these, or throw (the list is 10¹⁵ characters of JSON).
    for (const [value, shown] of [
      [huge, `"${'x'.repeat(76)}…`],
      [list, `["${'x'.repeat(75)}…`],
      [deep, `${'['.repeat(77)}…`],
    ] as const) {
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        expect(showValue(value)).toBe(shown);
        best = Math.min(best, performance.now() - started);
      }
      expect(best).toBeLessThan(20);
    }
  });
});
