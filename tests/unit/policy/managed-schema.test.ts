import { expect, it } from 'vitest';
import { assertChromeCompatible, toManagedSchema } from '../../../src/policy/managed-schema';

it('matches the committed snapshot (review its diff as an API change)', async () => {
  await expect(`${JSON.stringify(toManagedSchema(), null, 2)}\n`).toMatchFileSnapshot(
    '../../__snapshots__/managed_schema.json',
  );
});

it('keeps enums, patterns, ranges and required out, so Chrome never drops a whole array', () => {
  const text = JSON.stringify(toManagedSchema());
  for (const keyword of [
    '"enum"',
    '"pattern"',
    '"minimum"',
    '"maximum"',
    '"required"',
    '"format"',
    '"anyOf"',
    '"const"',
  ]) {
    expect(text).not.toContain(keyword);
  }
});

it('declares every contract field at the top level, with Chrome-compatible nodes', () => {
  const schema = toManagedSchema();
  expect(Object.keys(schema.properties as object)).toEqual([
    'schemaVersion',
    'organization',
    'defaultAction',
    'rules',
    'customApps',
    'alternatives',
    'requirements',
    'warnings',
    'locale',
    'policyUrl',
    'policyRefreshMinutes',
    'policyPublicKeys',
    'eventLog',
    'reporting',
  ]);
  expect(() => assertChromeCompatible(schema)).not.toThrow();
});

it.each([
  ['no type', { properties: {} }],
  ['anyOf', { type: 'object', anyOf: [] }],
  ['type list', { type: ['string', 'null'] }],
  ['enum', { type: 'string', enum: ['a'] }],
])('rejects a node with %s', (_, node) => {
  expect(() => assertChromeCompatible(node)).toThrow(/managed_schema/);
});
