/**
 * Reads the policy back out of each export target's file, the way its browser (or the admin's
 * tool) reads it; the key layout around the policy is checked on the way. Test infrastructure.
 */
import plist from 'plist';
import { expect } from 'vitest';
import { STORE_SOURCE, type Target } from '../../../src/admin/deployment';
import { toManagedSchema } from '../../../src/policy/managed-schema';
import { readPsValues } from './powershell-reader';
import { parseRegFile, policyFromValues } from './registry-reader';

const ID = STORE_SOURCE.chromiumExtensionId;
const GECKO = 'signpost@signpost.extension';
const SCHEMA = toManagedSchema() as { properties: Record<string, { type: string }> };
const CHROMIUM_ROOTS = [
  'SOFTWARE\\Policies\\Google\\Chrome',
  'SOFTWARE\\Policies\\Microsoft\\Edge',
];

/** The policy part of each target's file, as the browser (or the admin's tool) reads it. */
export const READERS: Record<Target, (contents: string) => unknown[]> = {
  'chrome-linux': (text) => [JSON.parse(text)['3rdparty'].extensions[ID]],
  'chromium-linux': (text) => [JSON.parse(text)['3rdparty'].extensions[ID]],
  'google-admin': (text) =>
    [JSON.parse(text) as Record<string, { Value: unknown }>].map((file) =>
      Object.fromEntries(Object.entries(file).map(([key, entry]) => [key, entry.Value])),
    ),
  'firefox-policies': (text) => [JSON.parse(text).policies['3rdparty'].Extensions[GECKO]],
  'windows-reg': (text) => {
    const keys = parseRegFile(text);
    expect([...keys.keys()].sort()).toEqual(
      CHROMIUM_ROOTS.flatMap((root) => [
        `HKEY_LOCAL_MACHINE\\${root}`,
        `HKEY_LOCAL_MACHINE\\${root}\\3rdparty\\extensions\\${ID}\\policy`,
      ]).sort(),
    );
    return CHROMIUM_ROOTS.map((root) =>
      policyFromValues(
        keys.get(`HKEY_LOCAL_MACHINE\\${root}\\3rdparty\\extensions\\${ID}\\policy`)!,
        SCHEMA,
      ),
    );
  },
  'windows-ps1': (text) => {
    const keys = readPsValues(text);
    expect([...keys.keys()].sort()).toEqual(
      CHROMIUM_ROOTS.flatMap((root) => [
        `HKLM:\\${root}`,
        `HKLM:\\${root}\\3rdparty\\extensions\\${ID}\\policy`,
      ]).sort(),
    );
    return CHROMIUM_ROOTS.map((root) =>
      policyFromValues(keys.get(`HKLM:\\${root}\\3rdparty\\extensions\\${ID}\\policy`)!, SCHEMA),
    );
  },
  'macos-mobileconfig': (text) => {
    const profile = plist.parse(text) as {
      PayloadType: string;
      PayloadScope: string;
      PayloadContent: Record<string, unknown>[];
    };
    expect([profile.PayloadType, profile.PayloadScope]).toEqual(['Configuration', 'System']);
    return ['com.google.Chrome', 'com.microsoft.Edge'].map((domain) => {
      const payload = profile.PayloadContent.find(
        (p) => p.PayloadType === `${domain}.extensions.${ID}`,
      );
      expect(payload?.PayloadIdentifier).toMatch(/^org\.signpost\.policy\./);
      return Object.fromEntries(
        Object.entries(payload ?? {}).filter(([key]) => !key.startsWith('Payload')),
      );
    });
  },
};
