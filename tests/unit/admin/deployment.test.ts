import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { exportPolicy, STORE_SOURCE, TARGETS } from '../../../src/admin/deployment';
import { toManagedSchema } from '../../../src/policy/managed-schema';
import { parsePolicy } from '../../../src/policy/parse';
import { convertWithSchema, parseRegFile, policyFromValues } from './registry-reader';

const ID = 'iibcgklibnmbknlhgijglbbcalghaboe';
const GECKO = 'signpost@signpost.extension';
const POLICY = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/policies/valid/example.json'), 'utf8'),
) as Record<string, unknown>;
// Exports take the validated policy; the admin's document only keeps unwritten defaults out.
const VALIDATED = parsePolicy(POLICY).policy!;
const SOURCE = {
  chromiumUpdateUrl: 'https://it.voorbeeld.example/signpost/update.xml',
  firefoxInstallUrl: 'https://it.voorbeeld.example/signpost/signpost.xpi',
  chromiumExtensionId: ID,
};
const SCHEMA = toManagedSchema() as { properties: Record<string, { type: string }> };
const text = (target: (typeof TARGETS)[number], source = SOURCE) =>
  String(exportPolicy(VALIDATED, target, source, POLICY)[0]?.contents);

describe('deployment exports round-trip to the source policy', () => {
  it.each(['chrome-linux', 'chromium-linux'] as const)(
    '%s: 3rdparty JSON and a force-install',
    (target) => {
      const file = JSON.parse(text(target));
      expect(file['3rdparty'].extensions[ID]).toEqual(POLICY);
      expect(file.ExtensionSettings[ID]).toEqual({
        installation_mode: 'force_installed',
        update_url: SOURCE.chromiumUpdateUrl,
      });
    },
  );

  it('google-admin: every key wrapped as {"Value": …}', () => {
    const file = JSON.parse(text('google-admin')) as Record<string, { Value: unknown }>;
    expect(Object.fromEntries(Object.entries(file).map(([k, v]) => [k, v.Value]))).toEqual(POLICY);
    for (const entry of Object.values(file)) expect(Object.keys(entry)).toEqual(['Value']);
  });

  it('firefox-policies: policies.json with 3rdparty and ExtensionSettings', () => {
    const file = JSON.parse(text('firefox-policies'));
    expect(file.policies['3rdparty'].Extensions[GECKO]).toEqual(POLICY);
    expect(file.policies.ExtensionSettings[GECKO]).toEqual({
      installation_mode: 'force_installed',
      install_url: SOURCE.firefoxInstallUrl,
    });
  });

  it("windows-reg: Chrome and Edge keys, read back by Chrome's rules", () => {
    const keys = parseRegFile(text('windows-reg'));
    for (const root of [
      'SOFTWARE\\Policies\\Google\\Chrome',
      'SOFTWARE\\Policies\\Microsoft\\Edge',
    ]) {
      const values = keys.get(`HKEY_LOCAL_MACHINE\\${root}\\3rdparty\\extensions\\${ID}\\policy`);
      expect(values).toBeDefined();
      expect(policyFromValues(values!, SCHEMA)).toEqual(POLICY);
      const settings = keys.get(`HKEY_LOCAL_MACHINE\\${root}`)?.get('ExtensionSettings');
      expect(JSON.parse(settings?.type === 'REG_SZ' ? settings.data : '')).toEqual({
        [ID]: { installation_mode: 'force_installed', update_url: SOURCE.chromiumUpdateUrl },
      });
    }
  });

  it('windows-ps1: the same values as the .reg file', () => {
    const script = text('windows-ps1');
    const values = new Map<
      string,
      { type: 'REG_DWORD'; data: number } | { type: 'REG_SZ'; data: string }
    >();
    for (const match of script.matchAll(
      /^Set-Value '([^']*(?:''[^']*)*)' '([^']+)' (DWord|String) (.+)$/gm,
    )) {
      if (!match[1]?.includes('\\Google\\Chrome\\3rdparty')) continue;
      const raw = match[4] ?? '';
      values.set(
        match[2] ?? '',
        match[3] === 'DWord'
          ? { type: 'REG_DWORD', data: Number(raw) }
          : { type: 'REG_SZ', data: raw.slice(1, -1).replace(/''/g, "'") },
      );
    }
    expect(policyFromValues(values, SCHEMA)).toEqual(POLICY);
    expect(script).toContain(
      `'ExtensionSettings' String '{"${ID}":{"installation_mode":"force_installed","update_url":"${SOURCE.chromiumUpdateUrl}"}}'`,
    );
  });

  it('macos-mobileconfig: Chrome and Edge payloads with native types, and force-install', () => {
    const profile = plist.parse(text('macos-mobileconfig')) as {
      PayloadContent: Record<string, unknown>[];
    };
    const payload = (type: string) =>
      profile.PayloadContent.find((p) => p.PayloadType === type) ?? {};
    const policyOf = (type: string) =>
      Object.fromEntries(Object.entries(payload(type)).filter(([k]) => !k.startsWith('Payload')));
    expect(policyOf(`com.google.Chrome.extensions.${ID}`)).toEqual(POLICY);
    expect(policyOf(`com.microsoft.Edge.extensions.${ID}`)).toEqual(POLICY);
    expect(payload('com.google.Chrome').ExtensionSettings).toEqual({
      [ID]: { installation_mode: 'force_installed', update_url: SOURCE.chromiumUpdateUrl },
    });
    expect(new Set(profile.PayloadContent.map((p) => p.PayloadUUID)).size).toBe(4);
  });

  it('doubles every quote PowerShell ends a string at, typographic ones included', () => {
    const raw = { organization: { name: "We’re O'Brien‘s ‚team‛" } };
    const script = String(
      exportPolicy(parsePolicy(raw).policy!, 'windows-ps1', STORE_SOURCE, raw)[0]?.contents,
    );
    expect(script).toContain(`'{"name":"We’’re O''Brien‘‘s ‚‚team‛‛"}'`);
  });

  it('uses the stores when no self-hosted source is given', () => {
    expect(JSON.parse(text('chromium-linux', STORE_SOURCE)).ExtensionSettings[ID].update_url).toBe(
      'https://clients2.google.com/service/update2/crx',
    );
  });
});

describe("the registry reader follows Chrome's conversion rules", () => {
  it.each([
    [{ type: 'REG_DWORD', data: 1 }, 'boolean', true],
    [{ type: 'REG_DWORD', data: 0 }, 'boolean', false],
    [{ type: 'REG_SZ', data: '1' }, 'boolean', true],
    [{ type: 'REG_DWORD', data: 30 }, 'integer', 30],
    [{ type: 'REG_SZ', data: '[1,2]' }, 'array', [1, 2]],
  ] as const)('%j as %s', (value, type, expected) => {
    expect(convertWithSchema(value, { type })).toEqual(expected);
  });

  it.each([
    [{ type: 'REG_DWORD', data: 1 }, 'string'],
    [{ type: 'REG_SZ', data: '{}' }, 'array'],
    [{ type: 'REG_SZ', data: 'x' }, undefined],
  ] as const)('drops %j as %s', (value, type) => {
    expect(() => convertWithSchema(value, type ? { type } : undefined)).toThrow();
  });
});

it.each(TARGETS.filter((target) => target !== 'firefox-policies'))(
  '%s: a self-hosted build with its own key is deployed under its own id',
  (target) => {
    const own = 'abcdefghijklmnopabcdefghijklmnop';
    const contents = exportPolicy(
      VALIDATED,
      target,
      { ...SOURCE, chromiumExtensionId: own },
      POLICY,
    )
      .map((file) => `${file.note}\n${String(file.contents)}`)
      .join('\n');
    expect(contents).toContain(own);
    expect(contents).not.toContain(ID);
  },
);
