/** The risk report: NCSC steps per app, escaping of policy strings, nothing loaded from outside. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRiskReport } from '../../../src/admin/risk-report';
import { compilePolicy } from '../../../src/policy/compile';
import { parsePolicy } from '../../../src/policy/parse';
import {
  createTranslate,
  toMessageTable,
  type Language,
  type MessageEntry,
} from '../../../src/shared/i18n';

const ROOT = resolve(import.meta.dirname, '../../..');
const readJson = (path: string) => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as unknown;
const EXAMPLE = readJson('tests/fixtures/policies/valid/example.json');

function report(raw: unknown, language: Language = 'en'): string {
  const { policy } = parsePolicy(raw);
  if (!policy) throw new Error('fixture is unusable');
  const messages = readJson(`public/_locales/${language}/messages.json`) as Record<
    string,
    MessageEntry
  >;
  return renderRiskReport(compilePolicy(policy, { isBuiltInDefault: false }), {
    language,
    t: createTranslate(toMessageTable(messages)),
    date: '2026-11-23',
    signpostVersion: '0.1.0',
    policyHash: 'abc123',
    defaultAction: policy.defaultAction,
  });
}

/** The text of the block for `id` in a section (a row or an article), tags removed. */
function rowOf(html: string, section: string, appId: string): string {
  const start = html.indexOf(`<section id="${section}">`);
  const body = html.slice(start, html.indexOf('</section>', start));
  const row = body.split(/<tr|<article/).find((part) => part.includes(`<code>${appId}</code>`));
  if (!row) throw new Error(`no ${appId} in ${section}`);
  return row.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('risk report for the example policy', () => {
  const html = report(EXAMPLE);

  it('states the decision and its basis for every app in catalogue and policy', () => {
    expect(rowOf(html, 'decisions', 'telegram')).toContain('blocked rules[0]');
    expect(rowOf(html, 'decisions', 'discord')).toContain('blocked (continue anyway allowed)');
    expect(rowOf(html, 'decisions', 'teams')).toContain('approved alternative');
    expect(rowOf(html, 'decisions', 'wire')).toContain('warned default Microsoft Teams');
    expect(rowOf(html, 'decisions', 'intranet-chat')).toContain('added by your policy');
    expect(html).toContain('1 approved, 0 allowed, 15 warned, 2 blocked');
  });

  it('matrix: exactly the required measures as columns, with sources per app', () => {
    const head = html.slice(html.indexOf('<section id="measures">'));
    const columns = [
      ...head.slice(0, head.indexOf('</thead>')).matchAll(/<code>([a-z0-9-]+)<\/code>/g),
    ];
    expect(columns.map((m) => m[1])).toEqual(['e2ee', 'no-contact-upload', 'internal-directory']);
    expect(rowOf(html, 'measures', 'telegram')).toMatch(/^.*not met .* met .* unknown .*TG-/);
    expect(rowOf(html, 'measures', 'whatsapp')).toContain('WA-kt');
    expect(html).toContain('id="src-WA-kt"');
    expect(rowOf(html, 'measures', 'totp-generators')).toContain('not applicable');
  });

  it('residual risk for every app still in use, none for a plain block', () => {
    const residual = html.slice(html.indexOf('<section id="residual">'));
    const names = [...residual.matchAll(/<h3>([^<]+) <span/g)].map((m) => m[1]);
    expect(names).toContain('WhatsApp Web');
    expect(names).toContain('Microsoft Teams');
    expect(names).toContain('Discord');
    expect(names).not.toContain('Telegram Web');
  });

  it('names the failed requirements and the risks that apply, per app', () => {
    const residual = html.slice(html.indexOf('<section id="residual">'));
    const teams = residual.slice(residual.indexOf('<h3>Microsoft Teams'));
    const block = teams.slice(0, teams.indexOf('</article>')).replace(/<[^>]+>/g, ' ');
    expect(block).toMatch(/end-to-end encryption\s+e2ee\s+— not met/);
    expect(block).toMatch(/internal-directory\s+— unknown/);
    expect(block).not.toMatch(/no-contact-upload/); // Teams meets it
    expect(block).toMatch(/content-exposure\s+— applies/);
    expect(block).toContain('Accept these residual risks');
  });

  it('carries the date, catalogue version and policy hash', () => {
    expect(html).toContain('2026-11-23');
    expect(html).toContain('2026-11-22');
    expect(html).toContain('abc123');
  });

  it('loads nothing: no scripts, no external links, styles inline, a CSP that forbids the rest', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]?.[0])).toSatisfy(
      (firsts: unknown[]) => firsts.every((c) => c === '#'),
    );
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});

it('is in Dutch with lang="nl" when asked', () => {
  const html = report(EXAMPLE, 'nl');
  expect(html).toContain('<html lang="nl">');
  expect(html).toContain('Restrisico');
  expect(html).toContain('end-to-end-versleuteling');
  expect(rowOf(html, 'decisions', 'telegram')).toContain('geblokkeerd');
  expect(html).toContain('Teams staat al op je werkplek');
});

it('renders every string from the policy as text', () => {
  const html = report({
    schemaVersion: 1,
    organization: { name: '<script>alert(1)</script> & "Co"' },
    customApps: [{ id: 'evil', name: '<img src=x onerror=alert(1)>', match: ['evil.example'] }],
    alternatives: [
      {
        id: 'teams',
        name: '</td><b>Teams</b>',
        url: 'https://teams.example/?a=1&b="2"',
        instructions: { en: '<a href="https://phish.example">click</a>' },
      },
    ],
  });
  expect(html).not.toMatch(/<script|<img|<b>|<a href="https/);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).toContain('https://teams.example/?a=1&amp;b=&quot;2&quot;');
});

it('without requirements shows every measure for information and counts none as missing', () => {
  const html = report({ schemaVersion: 1, defaultAction: 'block' });
  expect(html).toContain('The policy sets no requirements');
  const head = html.slice(html.indexOf('<section id="measures">'));
  expect([...head.slice(0, head.indexOf('</thead>')).matchAll(/<code>/g)]).toHaveLength(11);
  expect(html).toContain('No app is in use');
  expect(html).toMatch(/Apps not named in a rule<\/dt><dd>block/);
});
