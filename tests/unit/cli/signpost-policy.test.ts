/** The admin CLI, run as a real process on the fixture policies. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { parseRegFile } from '../admin/registry-reader';

const CLI = resolve(import.meta.dirname, '../../../src/cli/signpost-policy.mjs');
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/policies');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('signpost-policy validate', () => {
  it.each(readdirSync(join(FIXTURES, 'valid')))('valid/%s → exit 0', (file) => {
    const result = cli('validate', join(FIXTURES, 'valid', file));
    expect(result.stdout).toContain('valid');
    expect(result.status).toBe(0);
  });

  it.each([
    ['one-bad-rule.json', ['rules[1].action']],
    ['typo-key.json', ['defaultActon', 'rules[0].app']],
    ['unsupported-version.json', ['schemaVersion']],
    [
      'bad-urls-and-patterns.json',
      [
        'organization.supportUrl',
        'alternatives[0].url',
        'customApps[1].id',
        'warnings.acknowledgeForDays',
        'requirements[1]',
        'customApps[0].match[0]',
        'customApps[0].match[2]',
      ],
    ],
  ])('invalid/%s → exit 1 with exactly the expected paths (--json)', (file, paths) => {
    const result = cli('validate', join(FIXTURES, 'invalid', file), '--json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { issues: { path: string }[] };
    expect(report.issues.map((i) => i.path)).toEqual(paths);
  });

  it('explains in words, with the nearest known key for a typo', () => {
    const result = cli('validate', join(FIXTURES, 'invalid', 'typo-key.json'));
    expect(result.stdout).toContain(
      'warning defaultActon: unknown key; did you mean "defaultAction"?',
    );
    expect(result.stdout).toContain(
      'error   rules[0].app: no app has this id; did you mean "whatsapp"?',
    );
  });

  it('exits 2 on a missing or unparsable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-cli-'));
    writeFileSync(join(dir, 'broken.json'), '{"rules": [');
    expect(cli('validate', join(dir, 'missing.json')).status).toBe(2);
    const broken = cli('validate', join(dir, 'broken.json'));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('is not valid JSON');
  });

  it('reports lists nested 100,000 deep as an issue, not a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-cli-'));
    const file = join(dir, 'deep.json');
    writeFileSync(
      file,
      `{"defaultAction": "block", "rules": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    const text = cli('validate', file);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^error {3}rules(\[0\]){31}: nested too deeply/m);
    const json = cli('validate', file, '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).issues.map((i: { code: string }) => i.code)).toEqual([
      'too-deep',
      'invalid-type',
    ]);
  });

  it('reads a Chromium managed-policy file and a Firefox policies.json as well', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-cli-'));
    writeFileSync(
      join(dir, 'chrome.json'),
      JSON.stringify({
        '3rdparty': { extensions: { iibcgklibnmbknlhgijglbbcalghaboe: { defaultAction: 'blok' } } },
      }),
    );
    writeFileSync(
      join(dir, 'policies.json'),
      JSON.stringify({
        policies: {
          '3rdparty': { Extensions: { 'signpost@signpost.extension': { defaultAction: 'block' } } },
        },
      }),
    );
    expect(
      JSON.parse(cli('validate', join(dir, 'chrome.json'), '--json').stdout).issues[0].path,
    ).toBe('defaultAction');
    expect(cli('validate', join(dir, 'policies.json')).status).toBe(0);
  });
});

describe('signpost-policy explain', () => {
  it('says which app each URL is and what the employee gets', () => {
    const out = execFileSync(
      process.execPath,
      [
        CLI,
        'explain',
        join(FIXTURES, 'valid', 'example.json'),
        'https://web.telegram.org/k/',
        'https://web.whatsapp.com.evil.test/',
        'https://eu.chat.voorbeeld.example/',
      ],
      { encoding: 'utf8' },
    );
    expect(out).toContain(
      'https://web.telegram.org/k/\n  app: telegram (Telegram Web)\n  action: block (rules[0])',
    );
    expect(out).toContain('https://web.whatsapp.com.evil.test/\n  app: none');
    expect(out).toContain('app: intranet-chat (Old intranet chat)\n  action: warn (rules[3])');
  });
});

describe('signpost-policy export', () => {
  const ID = 'iibcgklibnmbknlhgijglbbcalghaboe';
  const write = (policy: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-export-'));
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy));
    return dir;
  };

  it('writes the validated policy only: unknown keys never reach the file', () => {
    const dir = write({
      defaultAction: 'block',
      PayloadType: 'com.evil',
      PayloadIdentifier: 'com.evil',
      PayloadScope: 'User',
    });
    const result = cli(
      'export',
      join(dir, 'policy.json'),
      '--target',
      'macos-mobileconfig',
      '--out',
      dir,
    );
    expect(result.status).toBe(0);
    const profile = plist.parse(readFileSync(join(dir, 'signpost.mobileconfig'), 'utf8')) as {
      PayloadScope: string;
      PayloadContent: Record<string, unknown>[];
    };
    expect(profile.PayloadScope).toBe('System');
    expect(profile.PayloadContent[0]).toMatchObject({
      PayloadType: `com.google.Chrome.extensions.${ID}`,
      PayloadIdentifier: 'org.signpost.policy.chrome',
      defaultAction: 'block',
    });
    expect(readFileSync(join(dir, 'signpost.mobileconfig'), 'utf8')).not.toContain('com.evil');
  });

  it('keeps a CR LF inside its registry value instead of injecting lines', () => {
    const policy = { policyUrl: 'https://a.example/x\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]' };
    const dir = write(policy);
    expect(cli('validate', join(dir, 'policy.json')).status).toBe(0);
    expect(
      cli('export', join(dir, 'policy.json'), '--target', 'windows-reg', '--out', dir).status,
    ).toBe(0);
    const keys = parseRegFile(readFileSync(join(dir, 'signpost.reg'), 'utf16le'));
    expect([...keys.keys()].some((key) => key.includes('Evil'))).toBe(false);
    expect(
      keys
        .get(
          `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ID}\\policy`,
        )
        ?.get('policyUrl'),
    ).toEqual({
      type: 'REG_SZ',
      data: policy.policyUrl,
    });
  });

  it('refuses a control character the property list cannot hold, with the path and exit 1', () => {
    const dir = write({ organization: { name: 'Acme\u0001' } });
    const result = cli(
      'export',
      join(dir, 'policy.json'),
      '--target',
      'macos-mobileconfig',
      '--out',
      dir,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `cannot be exported for macos-mobileconfig:\nerror   organization.name: holds a control character (U+0001 at character 5)`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['policy.json']);
  });
});

describe('signpost-policy report', () => {
  it('writes the printable report in the language asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-report-'));
    const out = join(dir, 'nested', 'report.html');
    const result = cli(
      'report',
      join(FIXTURES, 'valid', 'example.json'),
      '--lang',
      'nl',
      '--out',
      out,
      '--date',
      '2026-11-23',
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${out}: risk report (nl)`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Risicorapport voor Gemeente Voorbeeld');
    expect(html).toContain('<time datetime="2026-11-23">');
  });

  it('prints to stdout without --out, in English by default', () => {
    const result = cli('report', join(FIXTURES, 'valid', 'minimal.json'));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it("without --lang follows the policy's locale", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'signpost-report-')), 'nl.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, locale: 'nl' }));
    expect(cli('report', file).stdout).toContain('<html lang="nl">');
    expect(cli('report', file, '--lang', 'en').stdout).toContain('<html lang="en">');
  });

  it('refuses a policy with errors, an unknown language and a malformed date', () => {
    const bad = cli('report', join(FIXTURES, 'invalid', 'one-bad-rule.json'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('fix them first');
    expect(bad.stdout).toBe('');
    const example = join(FIXTURES, 'valid', 'example.json');
    expect(cli('report', example, '--lang', 'de').status).toBe(1);
    const date = cli('report', example, '--date', '23-11-2026');
    expect(date.status).toBe(1);
    expect(date.stderr).toContain('--date must be YYYY-MM-DD');
    expect(cli('report', join(FIXTURES, 'missing.json')).status).toBe(2);
  });
});
