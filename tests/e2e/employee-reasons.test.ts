/**
 * The organisation's reasons on the block page (policy `warnings.reasons`), end to end in
 * Chromium: offered as labelled choices, the chosen id logged and shown on the status page and in
 * the CSV export; an id the app does not offer is refused by the worker; typed text kept to 200
 * characters.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loggedEvents, ORG, useBrowserSuite } from './suite';

const { start, requestsTo } = useBrowserSuite();

const TEAMS = { id: 'teams', url: 'https://teams.microsoft.com/' };
const REASONS = [
  {
    id: 'supplier',
    text: {
      nl: 'Contact met een leverancier die alleen Telegram gebruikt',
      en: 'Contact with a supplier who only uses Telegram',
    },
  },
  {
    id: 'incident',
    text: {
      nl: 'Onderzoek naar een beveiligingsincident',
      en: 'Investigating a security incident',
    },
  },
];
const reasonsPolicy = (warnings: object = {}) => ({
  organization: ORG,
  // The general list; Telegram's rule brings its own, which replaces it for Telegram.
  warnings: { reasons: [{ id: 'client-request', text: { en: 'A client asked for it' } }] },
  rules: [
    {
      app: 'telegram',
      action: 'block',
      warnings: { allowProceed: true, requireReason: true, reasons: REASONS, ...warnings },
    },
  ],
  alternatives: [TEAMS],
});

async function openBlocked(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector('h1');
  expect(page.url()).toContain('/blocked.html?app=telegram');
}

/** Sends proceedToApp from the block page itself, as its own script does. */
function sendProceed(page: Page, request: object) {
  return page.evaluate(
    (req) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({ signpost: 1, name: 'proceedToApp', request: req }),
    request,
  );
}

describe('reasons on the block page', () => {
  it('offers the reasons as labelled choices; the chosen id is logged and shown', async () => {
    const s = await start(reasonsPolicy());
    const page = await s.context.newPage();
    await openBlocked(page, 'https://web.telegram.org/k/');
    expect(await page.textContent('fieldset.reasons legend')).toBe(
      'Why do you need Telegram Web? (kept in the log on this computer)',
    );
    expect(await page.locator('fieldset.reasons label').allTextContents()).toEqual([
      'Contact with a supplier who only uses Telegram',
      'Investigating a security incident',
      'Another reason',
      'Your reason',
    ]);
    // "Your reason" appears only with "Another reason".
    expect(await page.isVisible('textarea')).toBe(false);
    await page.click('button:text("Continue to Telegram Web")');
    expect(await page.textContent('.error')).toBe('Please choose a reason.');
    await page.getByRole('radio', { name: 'Another reason' }).check();
    expect(await page.isVisible('textarea')).toBe(true);

    await page
      .getByRole('radio', { name: 'Contact with a supplier who only uses Telegram' })
      .check();
    await page.click('button:text("Continue to Telegram Web")');
    await page.waitForURL('https://web.telegram.org/k/');
    expect(requestsTo('web.telegram.org').length).toBeGreaterThan(0);
    const proceeded = (await loggedEvents(s)).filter(
      (e) => (e as { outcome: string }).outcome === 'proceeded',
    );
    expect(proceeded).toEqual([
      {
        time: expect.any(Number),
        appId: 'telegram',
        action: 'block',
        outcome: 'proceeded',
        reasonId: 'supplier',
      },
    ]);

    const status = await s.context.newPage();
    await status.goto(`chrome-extension://${s.id}/status.html`);
    const row = status.locator('#events tr[data-reason-id="supplier"]');
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      expect.any(String),
      'telegram',
      'block',
      'continued anyway',
      'Contact with a supplier who only uses Telegram',
      '',
    ]);
    const [download] = await Promise.all([
      status.waitForEvent('download'),
      status.click('#export-events'),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('time,appId,action,outcome,reason,reasonId,reasonChoice');
    expect(csv).toContain(
      ',telegram,block,proceeded,,supplier,Contact with a supplier who only uses Telegram\r\n',
    );
  });

  it('the worker refuses a reason id the app does not offer; typed text is kept to 200 characters', async () => {
    const s = await start(reasonsPolicy());
    const page = await s.context.newPage();
    await openBlocked(page, 'https://web.telegram.org/k/');
    const url = 'https://web.telegram.org/k/';
    expect(await sendProceed(page, { appId: 'telegram', url, reasonId: 'made-up' })).toEqual({
      ok: false,
      error: 'this reason is not offered for this app',
    });
    // In the general list, but Telegram's rule replaces that list.
    expect(await sendProceed(page, { appId: 'telegram', url, reasonId: 'client-request' })).toEqual(
      { ok: false, error: 'this reason is not offered for this app' },
    );
    expect(await sendProceed(page, { appId: 'telegram', url, reasonId: 'Not An Id' })).toEqual({
      ok: false,
      error: 'malformed "proceedToApp" request',
    });
    expect(await loggedEvents(s)).not.toContainEqual(
      expect.objectContaining({ outcome: 'proceeded' }),
    );
    expect(requestsTo('web.telegram.org')).toEqual([]);

    // "Another reason" with typed text: the text is logged, no choice id.
    await page.getByRole('radio', { name: 'Another reason' }).check();
    await page.fill('textarea', 'A one-off call with a journalist');
    await page.click('button:text("Continue to Telegram Web")');
    await page.waitForURL(url);

    const other = await s.context.newPage();
    await openBlocked(other, 'https://web.telegram.org/a/');
    const long = `  ${'Lorem ipsum '.repeat(30)}  `;
    expect(await sendProceed(other, { appId: 'telegram', url, reason: long })).toMatchObject({
      ok: true,
    });
    const reasons = (await loggedEvents(s))
      .filter((e) => (e as { outcome: string }).outcome === 'proceeded')
      .map((e) => e as { reasonId?: string; reason?: string });
    expect(reasons).toEqual([
      expect.objectContaining({ reason: 'A one-off call with a journalist' }),
      expect.objectContaining({ reason: long.trim().slice(0, 200).trimEnd() }),
    ]);
    expect(reasons.every((r) => r.reasonId === undefined)).toBe(true);
  });

  it('without requireReason the choice is optional and there is no "another reason"', async () => {
    const s = await start(reasonsPolicy({ requireReason: false }));
    const page = await s.context.newPage();
    await openBlocked(page, 'https://web.telegram.org/k/');
    expect(await page.textContent('fieldset.reasons legend')).toContain('You may leave this open');
    expect(await page.locator('fieldset.reasons label').allTextContents()).toEqual(
      REASONS.map((r) => r.text.en),
    );
    expect(await page.locator('textarea').count()).toBe(0);
    await page.click('button:text("Continue to Telegram Web")');
    await page.waitForURL('https://web.telegram.org/k/');
    expect(await loggedEvents(s)).toContainEqual({
      time: expect.any(Number),
      appId: 'telegram',
      action: 'block',
      outcome: 'proceeded',
    });
  });
});
