/**
 * parsePolicy is total on any JSON value however deep (issue 13: arrays nested ~4,500 deep made
 * showValue's JSON.stringify, and then its String() fallback, overflow the stack).
 */
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../../src/policy/depth';
import { parsePolicy } from '../../../src/policy/parse';
import { PolicySchema } from '../../../src/policy/schema';

const DEPTH = 100_000;
const nestLists = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};
const nestObjects = (levels: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

/** Freezes every object and list without recursion, so that any write to the input throws. */
function deepFreeze(value: unknown): void {
  const stack = [value];
  for (let next = stack.pop(); next !== undefined; next = stack.pop())
    if (typeof next === 'object' && next !== null && !Object.isFrozen(next)) {
      Object.freeze(next);
      stack.push(...Object.values(next));
    }
}

/** `.a` or `[0]` repeated: the path of the first value that is too deep. */
const deepPath = (base: string, segment: string, levels: number) =>
  `${base}${segment.repeat(levels)}`;

describe('deep nesting', () => {
  it.each([
    ['rules', { rules: nestLists(DEPTH) }, deepPath('rules', '[0]', MAX_DEPTH - 1), 'rules[0]'],
    [
      'a rule message',
      { rules: [{ app: 'whatsapp', action: 'warn', message: { en: nestObjects(DEPTH) } }] },
      deepPath('rules[0].message.en', '.a', MAX_DEPTH - 4),
      'rules[0].message.en',
    ],
    [
      'organization',
      { organization: nestObjects(DEPTH) },
      deepPath('organization', '.a', MAX_DEPTH - 1),
      'organization.a',
    ],
    [
      'defaultAction',
      { defaultAction: nestLists(DEPTH) },
      deepPath('defaultAction', '[0]', MAX_DEPTH - 1),
      'defaultAction',
    ],
    [
      'an unknown key',
      { extra: nestLists(DEPTH) },
      deepPath('extra', '[0]', MAX_DEPTH - 1),
      'extra',
    ],
  ])(
    '%s nested 100,000 deep: an issue at the deep path, the rest applies',
    (_, raw, deep, shallow) => {
      deepFreeze(raw);
      const { policy, issues } = parsePolicy({ locale: 'nl', ...raw });
      expect(policy?.locale).toBe('nl');
      expect(PolicySchema.safeParse(policy).success).toBe(true);
      expect(issues[0]).toMatchObject({
        path: deep,
        code: 'too-deep',
        severity: 'error',
        message: `nested too deeply: more than ${String(MAX_DEPTH)} levels of objects and lists`,
      });
      expect(issues[0]?.value?.length).toBeLessThanOrEqual(80);
      // The schema still says what it expected at the shallower path.
      expect(issues.map((issue) => issue.path)).toContain(shallow);
    },
  );

  it('accepts exactly MAX_DEPTH levels and cuts the next one', () => {
    const within = { extra: nestLists(MAX_DEPTH - 1) };
    expect(parsePolicy(within).issues.map((issue) => issue.code)).toEqual(['unknown-key']);
    const beyond = { extra: nestLists(MAX_DEPTH) };
    expect(parsePolicy(beyond).issues.map((issue) => issue.code)).toEqual([
      'too-deep',
      'unknown-key',
    ]);
  });

  it('keeps list indices and the other keys when it cuts', () => {
    const raw = {
      rules: [
        { app: 'telegram', action: 'block' },
        nestLists(DEPTH),
        { app: 'whatsapp', action: 'allow' },
      ],
    };
    const { policy, issues } = parsePolicy(raw);
    expect(policy?.rules).toEqual([
      { app: 'telegram', action: 'block' },
      { app: 'whatsapp', action: 'allow' },
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([
      deepPath('rules[1]', '[0]', MAX_DEPTH - 2),
      'rules[1]',
    ]);
  });

  it('never throws on a document that is itself a list 100,000 deep', () => {
    expect(parsePolicy(nestLists(DEPTH)).issues).toEqual([
      expect.objectContaining({ code: 'not-an-object', path: '(document)' }),
    ]);
  });

  it('stays linear on wide documents (every branch checked once)', () => {
    const wide = { extra: Array.from({ length: 200_000 }, (_, i) => ({ i, list: [[i]] })) };
    const started = performance.now();
    expect(parsePolicy(wide).issues).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
