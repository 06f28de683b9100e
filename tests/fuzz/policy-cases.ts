/**
 * Structure-aware policy documents for fuzzing parsePolicy: the fixtures in
 * tests/fixtures/policies/, each mutated a few times at random places — values of the wrong type,
 * huge lists, deep nesting, long and unusual strings, `__proto__`/`constructor`/`prototype` keys,
 * duplicated ids, rules for unknown apps — plus the odd arbitrary JSON value. Shared by the fuzz
 * run (`npm run test:fuzz`) and the small sample in the unit tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { APP_IDS } from '../../src/catalogue';
import { ISSUE_CODES } from '../../src/policy/issues';
import { parsePolicy } from '../../src/policy/parse';
import { PolicySchema } from '../../src/policy/schema';

const FIXTURES_DIR = join(import.meta.dirname, '../fixtures/policies');
const FIXTURES: unknown[] = ['valid', 'invalid'].flatMap((dir) =>
  readdirSync(join(FIXTURES_DIR, dir)).map(
    (file) => JSON.parse(readFileSync(join(FIXTURES_DIR, dir, file), 'utf8')) as unknown,
  ),
);

type Json = unknown;
type Container = Record<string, Json> | Json[];

const nest = (levels: number, asObjects: boolean): Json => {
  let value: Json = 'leaf';
  for (let i = 0; i < levels; i++) value = asObjects ? { a: value } : [value];
  return value;
};

const WORDS = [
  ...APP_IDS,
  'teams',
  'intranet-chat',
  'yubikey',
  'allow',
  'warn',
  'block',
  'blok',
  'auto',
  'nl',
  'en',
  'e2ee',
  'messaging',
  'https://teams.microsoft.com/',
  'chat.example.com',
  '',
];

const UNUSUAL = [
  '\u202eexe.txt',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  'e\u0301',
  '😀',
  '\u0000',
  '\r\n',
  '$(whoami)',
  ']]>',
  '"\\',
];

/** Values to put anywhere: wrong types, known words, unusual text, long text, depth, size. */
const value: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 2, 1e308, [], {}) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc.array(fc.constantFrom(...UNUSUAL, 'a', '-')).map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 65, max: 20_000 }), fc.constantFrom('a', 'ab-', 'é', '😀'))
      .map(([length, unit]) => unit.repeat(length)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean())
      .map(([levels, asObjects]) => nest(levels, asObjects)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 5000 }), fc.jsonValue({ maxDepth: 1 }))
      .map(([length, item]) => Array.from({ length }, () => item)),
  },
);

const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
  fc.constantFrom('rules', 'app', 'action', 'id', 'match', 'url', 'message', 'en', 'schemaVersion'),
  fc.constantFrom('PayloadType', 'defaultActon', 'Rules', ''),
  fc.string({ maxLength: 12 }),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), key, value }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('unknown-app' as const),
    app: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...WORDS)),
    action: fc.constantFrom('allow', 'warn', 'block', 'blok'),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** A copy of a JSON value, without recursion (structuredClone overflows on deep nesting). */
function cloneJson(source: Json): Json {
  const copyOf = (node: Json): Json =>
    typeof node !== 'object' || node === null ? node : Array.isArray(node) ? [] : {};
  const root = copyOf(source);
  const stack: [Json, Json][] = [[source, root]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [from, to] = next;
    if (typeof from !== 'object' || from === null) continue;
    for (const [k, child] of Object.entries(from)) {
      const copy = copyOf(child);
      setOwn(to as Container, Array.isArray(to) ? Number(k) : k, copy);
      stack.push([child, copy]);
    }
  }
  return root;
}

/** Sets an own property, also for `__proto__` (a plain assignment would change the prototype). */
function setOwn(container: Container, key: string | number, item: Json): void {
  Object.defineProperty(container, key, {
    value: item,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** (container, key) for the first nodes of the document, without recursion, at most 40 deep. */
function placesIn(document: Json): [Container, string | number][] {
  const places: [Container, string | number][] = [];
  const stack: [Json, number][] = [[document, 0]];
  for (let next = stack.pop(); next && places.length < 500; next = stack.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null || depth > 40) continue;
    const container = node as Container;
    const keys = Array.isArray(container)
      ? Array.from({ length: container.length }, (_, i) => i)
      : Object.keys(container);
    for (const k of keys.slice(0, 50)) {
      places.push([container, k]);
      stack.push([(container as Record<string | number, Json>)[k], depth + 1]);
    }
  }
  return places;
}

function mutate(document: Json, change: Mutation): Json {
  if (change.kind === 'unknown-app') {
    if (typeof document !== 'object' || document === null || Array.isArray(document))
      return document;
    const rules = (document as Record<string, Json>).rules;
    const rule = { app: change.app, action: change.action };
    if (Array.isArray(rules)) rules.push(rule);
    else setOwn(document as Container, 'rules', [rule]);
    return document;
  }
  const places = placesIn(document);
  const place = places[change.at % Math.max(places.length, 1)];
  // Fresh copies of generated values: fast-check may hand the same one to a later (shrunk) case.
  if (!place) return change.kind === 'replace' ? cloneJson(change.value) : document;
  const [container, at] = place;
  const current = (container as Record<string | number, Json>)[at];
  switch (change.kind) {
    case 'replace':
      setOwn(container, at, cloneJson(change.value));
      break;
    case 'insert':
      // Into an object only: a JSON list has no named keys.
      if (typeof current === 'object' && current !== null && !Array.isArray(current))
        setOwn(current as Container, change.key, cloneJson(change.value));
      else if (!Array.isArray(container)) setOwn(container, change.key, cloneJson(change.value));
      break;
    case 'delete':
      if (Array.isArray(container)) container.splice(at as number, 1);
      else Reflect.deleteProperty(container, at);
      break;
    case 'duplicate':
      // Duplicated ids and rules: a copy of the item right after it.
      if (Array.isArray(container)) container.splice((at as number) + 1, 0, cloneJson(current));
      else if (Array.isArray(current) && current.length > 0) current.push(cloneJson(current[0]));
      break;
  }
  return document;
}

/** A fixture with a few mutations, or now and then any JSON value at all. */
export const policyDocument: fc.Arbitrary<Json> = fc.oneof(
  {
    weight: 19,
    arbitrary: fc
      .record({ base: fc.constantFrom(...FIXTURES), changes: fc.array(mutation, { maxLength: 8 }) })
      .map(({ base, changes }) => changes.reduce(mutate, cloneJson(base))),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

/** Freezes every object and list without recursion: any write to the input then throws. */
function deepFreeze(document: Json): void {
  const stack = [document];
  for (let next = stack.pop(); next !== undefined; next = stack.pop())
    if (typeof next === 'object' && next !== null && !Object.isFrozen(next)) {
      Object.freeze(next);
      stack.push(...Object.values(next));
    }
}

// 'unexportable' belongs to the exports, never to parsePolicy.
const CODES = new Set<string>(ISSUE_CODES.filter((code) => code !== 'unexportable'));

/** What a fuzz run saw. */
export type FuzzStats = { cases: number; nullPolicies: number; issues: number; maxMs: number };

/**
 * The properties of parsePolicy for one document: it never throws and never writes to its input;
 * it yields no policy only for the documented cases (not an object, a newer schemaVersion) and
 * otherwise one that PolicySchema accepts and that parses again to itself without errors; every
 * issue is well formed, with a non-empty path. `parse` is replaceable to show the checks can fail.
 */
export function checkParse(document: Json, stats: FuzzStats, parse = parsePolicy): void {
  deepFreeze(document);
  const started = performance.now();
  const { policy, issues } = parse(document);
  stats.maxMs = Math.max(stats.maxMs, performance.now() - started);
  stats.cases++;
  stats.issues += issues.length;
  const isObject = typeof document === 'object' && document !== null && !Array.isArray(document);
  const version =
    isObject && Object.hasOwn(document, 'schemaVersion')
      ? (document as Record<string, Json>).schemaVersion
      : undefined;
  const isNewer = typeof version === 'number' && version > 1;
  if (policy === null) {
    stats.nullPolicies++;
    expect(!isObject || isNewer).toBe(true);
  } else {
    expect(isObject && !isNewer).toBe(true);
    expect(PolicySchema.safeParse(policy).success).toBe(true);
    const again = parse(policy);
    expect(again.policy).toEqual(policy);
    expect(again.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  }
  for (const issue of issues) {
    expect(issue.path).not.toBe('');
    expect(CODES.has(issue.code)).toBe(true);
    expect(['error', 'warning']).toContain(issue.severity);
    expect(issue.message).not.toBe('');
    if (issue.value !== undefined) expect(issue.value.length).toBeLessThanOrEqual(80);
  }
  // The CLI prints the result as JSON: it must always be printable.
  expect(() => JSON.stringify({ policy, issues })).not.toThrow();
}

/** Runs `runs` cases and returns what they saw; fast-check reports the seed of any failure. */
export function fuzzParsePolicy(runs: number, seed?: number): FuzzStats {
  const stats: FuzzStats = { cases: 0, nullPolicies: 0, issues: 0, maxMs: 0 };
  fc.assert(
    fc.property(policyDocument, (document) => checkParse(document, stats)),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
  return stats;
}
