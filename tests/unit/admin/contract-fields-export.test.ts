/**
 * The fields added to the contract this round (reasons, logo, keys, reporting headers) survive
 * every deployment channel: each export of contract-fields.json reads back to the same policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import plist from 'plist';
import { expect, it } from 'vitest';
import { exportPolicy, STORE_SOURCE } from '../../../src/admin/deployment';
import { parsePolicy } from '../../../src/policy/parse';
import { toManagedSchema } from '../../../src/policy/managed-schema';
import { parseRegFile, policyFromValues } from './registry-reader';

const ID = 'iibcgklibnmbknlhgijglbbcalghaboe';
const GECKO = 'signpost@signpost.extension';
const POLICY = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../fixtures/policies/valid/contract-fields.json'),
    'utf8',
  ),
) as Record<string, unknown>;
const SCHEMA = toManagedSchema() as { properties: Record<string, { type: string }> };
const VALIDATED = parsePolicy(POLICY).policy!;
const text = (target: Parameters<typeof exportPolicy>[1]) =>
  String(exportPolicy(VALIDATED, target, STORE_SOURCE, POLICY)[0]?.contents);

it('chromium-linux, google-admin and firefox-policies carry the new fields unchanged', () => {
  expect(JSON.parse(text('chromium-linux'))['3rdparty'].extensions[ID]).toEqual(POLICY);
  const admin = JSON.parse(text('google-admin')) as Record<string, { Value: unknown }>;
  expect(Object.fromEntries(Object.entries(admin).map(([k, v]) => [k, v.Value]))).toEqual(POLICY);
  expect(JSON.parse(text('firefox-policies')).policies['3rdparty'].Extensions[GECKO]).toEqual(
    POLICY,
  );
});

it("windows-reg reads back by Chrome's rules, the logo's data URL included", () => {
  const values = parseRegFile(text('windows-reg')).get(
    `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ID}\\policy`,
  );
  expect(values).toBeDefined();
  expect(policyFromValues(values!, SCHEMA)).toEqual(POLICY);
});

it('macos-mobileconfig keeps them with native plist types', () => {
  const profile = plist.parse(text('macos-mobileconfig')) as {
    PayloadContent: Record<string, unknown>[];
  };
  const payload =
    profile.PayloadContent.find((p) => p.PayloadType === `com.google.Chrome.extensions.${ID}`) ??
    {};
  expect(
    Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload'))),
  ).toEqual(POLICY);
});
