/**
 * The block page and the popup (issue 3): explanation and alternative, "continue anyway" only when
 * allowed, only to the blocked app, for one tab and one browser session, and the popup's state
 * for four tabs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settleContentScript, waitForWarning } from './harness';
import { activeTabId, loggedEvents, ORG, useBrowserSuite } from './suite';

const { start, requestsTo } = useBrowserSuite();

describe('the block page', () => {
  const blockPolicy = (warnings: object) => ({
    organization: {
      ...ORG,
      requestAccessUrl: 'https://helpdesk.voorbeeld.example/access?app={app}',
    },
    rules: [{ app: 'telegram', action: 'block', warnings }],
    alternatives: [{ id: 'teams', url: 'https://teams.microsoft.com/' }],
  });

  async function openBlocked(page: Page, url: string) {
    await page.goto(url);
    await page.waitForSelector('h1');
    expect(page.url()).toContain('/blocked.html?app=telegram');
  }

  it('explains, offers the alternative and request access, and no "continue" unless allowed', async () => {
    const { context } = await start(blockPolicy({}));
    const page = await context.newPage();
    await openBlocked(page, 'https://web.telegram.org/k/');
    expect(await page.textContent('h1')).toBe('Gemeente Voorbeeld has blocked Telegram Web');
    expect(await page.getAttribute('a.primary', 'href')).toBe('https://teams.microsoft.com/');
    expect(await page.getAttribute('a:text("Request access")', 'href')).toBe(
      'https://helpdesk.voorbeeld.example/access?app=telegram',
    );
    expect(await page.locator('text=Continue anyway').count()).toBe(0);
    expect(requestsTo('web.telegram.org')).toEqual([]);
  });

  it('continues with a typed reason, for that tab and that session only, and logs it', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'signpost-profile-'));
    const s = await start(blockPolicy({ allowProceed: true, requireReason: true }), { profile });
    const page = await s.context.newPage();
    await openBlocked(page, 'https://web.telegram.org/k/#@chat');
    await page.click('button:text("Continue to Telegram Web")');
    expect(await page.textContent('.error')).toBe('Please give a reason of at least 5 characters.');
    await page.fill('textarea', 'Contact with a supplier who only uses Telegram');
    await page.click('button:text("Continue to Telegram Web")');
    await page.waitForURL('https://web.telegram.org/k/#@chat');
    expect((await waitForWarning(page)).app).toBe('telegram');
    expect(requestsTo('web.telegram.org').length).toBeGreaterThan(0);

    const other = await s.context.newPage();
    await openBlocked(other, 'https://web.telegram.org/a/');

    const events = await loggedEvents(s);
    expect(events).toContainEqual(
      expect.objectContaining({
        appId: 'telegram',
        outcome: 'proceeded',
        reason: 'Contact with a supplier who only uses Telegram',
      }),
    );
    expect(JSON.stringify(events)).not.toContain('web.telegram.org');

    // A new browser session blocks again.
    await s.close();
    const served = requestsTo('web.telegram.org').length;
    const again = await start(blockPolicy({ allowProceed: true, requireReason: true }), {
      profile,
    });
    await openBlocked(await again.context.newPage(), 'https://web.telegram.org/k/#@chat');
    expect(requestsTo('web.telegram.org')).toHaveLength(served);
    await again.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('offers no "continue" when a website frames the block page, and blocks WebSockets', async () => {
    const s = await start(blockPolicy({ allowProceed: true, requireReason: false }));
    const page = await s.context.newPage();
    await page.goto('https://example.test/');
    await page.evaluate(
      (src) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        document.body.append(frame);
      },
      `chrome-extension://${s.id}/blocked.html?app=telegram&url=${encodeURIComponent('https://web.telegram.org/')}`,
    );
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame?.waitForSelector('h1');
    expect(await frame?.locator('.proceed').count()).toBe(0);

    const closed = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket('wss://web.telegram.org/apiws');
          socket.onerror = () => resolve('error');
          socket.onopen = () => resolve('open');
        }),
    );
    expect(closed).toBe('error');
    expect(requestsTo('web.telegram.org')).toEqual([]);
  });

  it('opens nothing and logs nothing when a link names an address that is not blocked', async () => {
    const s = await start(blockPolicy({ allowProceed: true, requireReason: false }));
    const page = await s.context.newPage();
    await page.goto(
      `chrome-extension://${s.id}/blocked.html?app=telegram&url=${encodeURIComponent('https://evil.test/phish')}`,
    );
    // The worker decides again: not Telegram, not blocked, and no rule of Signpost's sent the tab
    // here, so nothing is opened, nothing is offered and no block is logged.
    expect(await page.textContent('h1')).toBe('Signpost does not block this address');
    expect(await page.locator('button, a').count()).toBe(0);
    expect(page.url()).toContain('/blocked.html');
    expect(requestsTo('evil.test')).toEqual([]);
    expect((await loggedEvents(s)).length).toBe(0);
  });
});

describe('the popup', () => {
  it('shows approved, warned, blocked and none for four tabs', async () => {
    const s = await start({
      organization: ORG,
      rules: [{ app: 'telegram', action: 'block' }],
      alternatives: [
        {
          id: 'teams',
          url: 'https://teams.microsoft.com/',
          instructions: { en: 'Already on your PC.' },
        },
      ],
    });
    const urls = [
      'https://teams.microsoft.com/',
      'https://web.whatsapp.com/',
      'https://web.telegram.org/',
      'https://example.test/',
    ];
    const expected = ['approved', 'warned', 'blocked', 'none'];
    const tabIds: number[] = [];
    for (const url of urls) {
      const page = await s.context.newPage();
      await page.goto(url);
      if (url.includes('telegram')) await page.waitForSelector('h1');
      else await settleContentScript(page);
      await page.bringToFront();
      tabIds.push(await activeTabId(s));
    }
    const popup = await s.context.newPage();
    for (const [index, tabId] of tabIds.entries()) {
      await popup.goto(`chrome-extension://${s.id}/popup.html?tab=${String(tabId)}`);
      await popup.waitForSelector('.state');
      expect(await popup.getAttribute('.state', 'data-state')).toBe(expected[index]);
    }
    await popup.goto(`chrome-extension://${s.id}/popup.html?tab=${String(tabIds[1])}`);
    await popup.waitForSelector('.state');
    expect(await popup.textContent('.state-text')).toBe('WhatsApp Web is not approved for work.');
    expect(await popup.getAttribute('.alternatives a', 'href')).toBe(
      'https://teams.microsoft.com/',
    );
    expect(await popup.textContent('.alternatives')).toContain('Already on your PC.');
  });
});
