/**
 * The risk report from `signpost-policy report`, opened in real Chromium with the network off:
 * it renders completely, requests nothing but itself, passes axe, prints, and gives the README its
 * screenshots.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { requireEnvironment } from './harness';

const CLI = resolve(import.meta.dirname, '../../src/cli/signpost-policy.mjs');
const FIXTURE = resolve(import.meta.dirname, '../fixtures/policies/valid/example.json');
const shots = resolve(import.meta.dirname, '../../.output/screenshots');
mkdirSync(shots, { recursive: true });

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: requireEnvironment(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
});
afterAll(async () => browser.close());

it.each(['en', 'nl'])(
  'the %s report renders offline, loads nothing else and prints',
  async (lang) => {
    const out = join(mkdtempSync(join(tmpdir(), 'signpost-report-')), `report-${lang}.html`);
    execFileSync(process.execPath, [CLI, 'report', FIXTURE, '--lang', lang, '--out', out]);
    const context = await browser.newContext({
      offline: true,
      viewport: { width: 1200, height: 900 },
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(out).href;
    await page.goto(url);

    expect(requests).toEqual([url]);
    const text = await page.locator('body').innerText();
    expect(text).toContain(lang === 'nl' ? 'Restrisico per app' : 'Residual risk per app');
    // 18 apps (17 catalogue, 1 custom); all but Telegram (blocked, no exception) are still in use.
    expect(await page.locator('#residual article').count()).toBe(17);
    // The matrix is readable without colour: every cell says its value in words.
    const cells = await page.locator('#measures tbody td.v').allInnerTexts();
    expect(cells.length).toBe(18 * 3);
    expect(cells.every((cell) => /\p{L}/u.test(cell))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(10_000);
    await page.screenshot({ path: resolve(shots, `report-${lang}.png`) });
    await page
      .locator('#measures')
      .screenshot({ path: resolve(shots, `report-matrix-${lang}.png`) });
    await context.close();
  },
);
