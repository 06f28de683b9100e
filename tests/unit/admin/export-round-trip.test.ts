/**
 * Every export, read back the way its browser or tool reads it, gives exactly the validated policy
 * — also for hostile strings (issue 13: a CR LF in a value injected .reg lines, unknown Payload*
 * keys replaced the .mobileconfig payload's own, a control character crashed the export).
 */
import { describe, expect, it } from 'vitest';
import {
  exportPolicy,
  exportProblems,
  STORE_SOURCE,
  TARGETS,
  toDeployable,
} from '../../../src/admin/deployment';
import { parsePolicy } from '../../../src/policy/parse';
import { READERS } from './export-readers';

const HOSTILE = {
  'CR LF with registry lines':
    'x\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]\r\n"Run"=dword:00000001\r\n',
  'lone CR, lone LF, tab and Unicode line breaks': 'a\rb\nc\td\u2028e\u2029f\u0085g',
  'quotes and backslashes': `' " ‘ ’ ‚ ‛ “ ” „ '' \\ \\\\ \\" "\\`,
  'XML markup': ']]> <!-- <key>PayloadType</key><string>x</string> &amp; & < > &#1;',
  'PowerShell code': '$(Remove-Item C:\\ -Recurse) `whoami` ${env:USERNAME} @(1) ; exit 1 #',
  'invisible and right-to-left characters': 'rtl \u202eexe.txt \u2066x\u2069 \u200b \ufeff \u00ad',
  'emoji and astral characters': 'emoji 😀, 𝄞, é, \u{e0001}',
  '10,000 characters': 'long '.repeat(2000),
};

/** A policy with `text` in every free-text field, plus keys the export must not carry. */
function policyWith(text: string): Record<string, unknown> {
  const pattern = text.replace(/[?#@*\s]/g, '').slice(0, 5000);
  return {
    schemaVersion: 1,
    organization: { name: text.slice(0, 200), supportPhone: text.slice(0, 50) },
    policyUrl: `https://policy.example/${text}`,
    rules: [
      { app: 'whatsapp', action: 'warn', message: { en: text.slice(0, 2000) } },
      { app: 'intranet', action: 'block' },
    ],
    customApps: [{ id: 'intranet', name: text.slice(0, 100), match: [`chat.example/${pattern}`] }],
    alternatives: [
      {
        id: 'teams',
        name: text.slice(0, 100),
        url: 'https://teams.microsoft.com/',
        instructions: { nl: text.slice(0, 2000) },
      },
    ],
    PayloadType: 'com.evil',
    PayloadIdentifier: 'com.evil',
    PayloadScope: 'User',
    [text.slice(0, 100)]: 'unknown key',
  };
}

describe.each(Object.entries(HOSTILE))('%s', (_, text) => {
  const raw = policyWith(text);
  const { policy, issues } = parsePolicy(raw);
  it('is a valid policy (only the unknown keys are reported)', () => {
    expect(issues.map((issue) => issue.code)).toEqual(Array(4).fill('unknown-key'));
    expect(policy?.organization.name).toBe(text.slice(0, 200));
  });

  it.each(TARGETS)('%s reads back as the validated policy', (target) => {
    const exported = toDeployable(policy, raw);
    expect(Object.keys(exported as object)).not.toContain('PayloadType');
    expect(exportProblems(policy!, target, STORE_SOURCE, raw)).toEqual([]);
    const files = exportPolicy(policy!, target, STORE_SOURCE, raw);
    for (const readBack of READERS[target](String(files[0]?.contents))) {
      expect(readBack).toEqual(exported);
      expect(parsePolicy(readBack)).toEqual({ policy, issues: [] });
    }
  });
});

describe('strings a format cannot carry are refused, not mangled', () => {
  const control = { organization: { name: 'Acme\u0001' }, policyUrl: 'https://a.example/\u0000' };
  const { policy } = parsePolicy(control);

  it('control characters: refused for the property list, exact everywhere else', () => {
    expect(exportProblems(policy!, 'macos-mobileconfig', STORE_SOURCE, control)).toEqual([
      expect.objectContaining({
        path: 'organization.name',
        code: 'unexportable',
        value: '"Acme\\u0001"',
      }),
      expect.objectContaining({ path: 'policyUrl', code: 'unexportable' }),
    ]);
    expect(() => exportPolicy(policy!, 'macos-mobileconfig', STORE_SOURCE, control)).toThrow(
      RangeError,
    );
    for (const target of ['chrome-linux', 'google-admin', 'firefox-policies'] as const)
      for (const readBack of READERS[target](
        String(exportPolicy(policy!, target, STORE_SOURCE, control)[0]?.contents),
      ))
        expect(readBack).toEqual(control);
  });

  it('a NUL ends a registry string: refused for a string value, fine inside JSON', () => {
    for (const target of ['windows-reg', 'windows-ps1'] as const)
      expect(exportProblems(policy!, target, STORE_SOURCE, control).map((p) => p.path)).toEqual([
        'policyUrl',
      ]);
    const inJson = { organization: { name: 'A\u0000B' } };
    const files = exportPolicy(parsePolicy(inJson).policy!, 'windows-reg', STORE_SOURCE, inJson);
    expect(READERS['windows-reg'](String(files[0]?.contents))[0]).toEqual(inJson);
  });

  it.each(TARGETS)('%s: an unpaired surrogate (not Unicode text) is refused', (target) => {
    const broken = { organization: { name: 'A\ud800B' } };
    expect(exportProblems(parsePolicy(broken).policy!, target, STORE_SOURCE, broken)).toEqual([
      expect.objectContaining({
        path: 'organization.name',
        message: expect.stringContaining('unpaired surrogate'),
      }),
    ]);
  });

  it('an install source with a control character or a malformed id is refused', () => {
    const source = {
      ...STORE_SOURCE,
      chromiumUpdateUrl: 'https://u.example/\u0001',
      chromiumExtensionId: 'x"y',
    };
    expect(
      exportProblems(parsePolicy({}).policy!, 'macos-mobileconfig', source).map((p) => p.path),
    ).toEqual(['(install source).chromiumExtensionId', '(install source).chromiumUpdateUrl']);
  });
});

it('leaves out the defaults the admin did not write, and keeps those they did', () => {
  const raw = { warnings: { allowProceed: true }, defaultAction: 'warn' };
  expect(toDeployable(parsePolicy(raw).policy, raw)).toEqual(raw);
});
