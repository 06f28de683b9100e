/**
 * What employees see on a warned app (issue 3): risks, actions, acknowledging, in-app navigation,
 * a hostile page, collapsing and language.
 */
import { describe, expect, it } from 'vitest';
import { readWarning, settleContentScript, waitForWarning } from './harness';
import { expireAcknowledgement, ORG, storedAcknowledgements, useBrowserSuite } from './suite';
import { clickInWarning } from './warning-view';

const { start } = useBrowserSuite();

describe('the warning banner', () => {
  it('explains the concrete risks, failed requirements first, and names unknowns', async () => {
    const { context } = await start({
      organization: ORG,
      requirements: ['e2ee', 'internal-directory'],
      alternatives: [
        {
          id: 'teams',
          url: 'https://teams.microsoft.com/',
          instructions: { en: 'Sign in with your work account.' },
        },
      ],
    });
    const page = await context.newPage();
    await page.goto('https://web.telegram.org/k/');
    await waitForWarning(page);
    await clickInWarning(page, 'Why?');
    const { text } = (await readWarning(page))!;
    expect(text).toContain('Telegram Web does not offer end-to-end encryption.');
    expect(text).toContain(
      'It is not known whether Telegram Web offers an internal address book of the organisation.',
    );
    expect(text.indexOf('What your organisation requires')).toBeLessThan(
      text.indexOf('Risks of this app'),
    );
    expect(text).toContain('Readable messages');
    expect(text).toContain('Sign in with your work account.');
  });

  it('offers the helpdesk when there is no alternative', async () => {
    const { context } = await start({ organization: ORG });
    const page = await context.newPage();
    await page.goto('https://web.whatsapp.com/');
    const warning = await waitForWarning(page);
    expect(warning.text).toContain('Ask the helpdesk which app to use instead');
    expect(warning.links).toEqual([
      { href: 'https://helpdesk.voorbeeld.example/', text: 'Helpdesk website' },
      { href: 'mailto:servicedesk@voorbeeld.example', text: 'Email servicedesk@voorbeeld.example' },
    ]);
  });

  it('talks about the 2FA secret on 2FA-code sites', async () => {
    const { context } = await start({ organization: ORG });
    const page = await context.newPage();
    await page.goto('https://2fa.live/');
    await waitForWarning(page);
    await clickInWarning(page, 'Why?');
    const { text } = (await readWarning(page))!;
    expect(text).toContain('2FA secret');
    expect(text).not.toContain('address book');
  });

  it('"I understand" hides it for acknowledgeForDays, across visits, and it comes back after', async () => {
    const s = await start({ organization: ORG, warnings: { acknowledgeForDays: 3 } });
    const page = await s.context.newPage();
    await page.goto('https://web.whatsapp.com/');
    await waitForWarning(page);
    const before = Date.now();
    await clickInWarning(page, 'I understand');
    await page.waitForSelector('signpost-warning', { state: 'detached' });
    await expect
      .poll(async () => (await storedAcknowledgements(s)).whatsapp ?? 0)
      .toBeGreaterThan(before + 3 * 86_400_000 - 60_000);

    await page.reload();
    expect(await settleContentScript(page)).toEqual({ hasScript: true });
    expect(await readWarning(page)).toBeNull();
    // Other apps are not affected.
    await page.goto('https://web.telegram.org/');
    await waitForWarning(page);

    // Three days later (the stored time moved back): the banner is back.
    await expireAcknowledgement(s, 'whatsapp');
    await page.goto('https://web.whatsapp.com/');
    expect((await waitForWarning(page)).app).toBe('whatsapp');
  });

  it('with acknowledgeForDays 0, hides it only until the next visit', async () => {
    const { context } = await start({ warnings: { acknowledgeForDays: 0 } });
    const page = await context.newPage();
    await page.goto('https://web.whatsapp.com/');
    await waitForWarning(page);
    await clickInWarning(page, 'I understand');
    await page.waitForSelector('signpost-warning', { state: 'detached' });
    await page.reload();
    expect((await waitForWarning(page)).app).toBe('whatsapp');
  });

  it('follows in-app navigation of a single-page app', async () => {
    const { context } = await start({ rules: [{ app: 'x', action: 'warn' }] });
    const page = await context.newPage();
    await page.goto('https://x.com/home');
    expect(await settleContentScript(page)).toEqual({ hasScript: true });
    expect(await readWarning(page)).toBeNull();
    await page.evaluate(() => history.pushState(null, '', '/messages/123'));
    expect((await waitForWarning(page)).app).toBe('x');
    await page.evaluate(() => history.pushState(null, '', '/explore'));
    await page.waitForSelector('signpost-warning', { state: 'detached' });
  });

  it('survives a page that removes it and hides it with CSS', async () => {
    const { context } = await start({ organization: ORG });
    const page = await context.newPage();
    await page.goto('https://web.whatsapp.com/');
    await waitForWarning(page);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent =
        'signpost-warning { display: none !important; visibility: hidden !important; opacity: 0 !important }';
      document.head.append(style);
      for (let i = 0; i < 3; i++) document.querySelector('signpost-warning')?.remove();
      document.querySelector('signpost-warning')?.setAttribute('style', 'display:none !important');
    });
    await expect.poll(() => page.locator('signpost-warning').count()).toBe(1);
    const box = await page.locator('signpost-warning').boundingBox();
    expect(box?.height).toBeGreaterThan(40);
    expect(
      await page.locator('signpost-warning').evaluate((el) => getComputedStyle(el).display),
    ).toBe('block');
    expect(await page.locator('signpost-warning').getAttribute('style')).toBeNull();
  });

  it('collapses to a small tab and expands again', async () => {
    const { context } = await start({ organization: ORG });
    const page = await context.newPage();
    await page.goto('https://web.whatsapp.com/');
    await waitForWarning(page);
    await clickInWarning(page, 'Make smaller');
    await expect
      .poll(async () => (await readWarning(page))?.visibleText)
      .toContain('WhatsApp Web: not approved for work');
    await clickInWarning(page, 'Show notice');
    await expect
      .poll(async () => (await readWarning(page))?.visibleText)
      .toContain('Gemeente Voorbeeld has not approved WhatsApp Web');
  });

  it('speaks Dutch when the policy says so', async () => {
    const { context } = await start({ organization: ORG, locale: 'nl' });
    const page = await context.newPage();
    await page.goto('https://web.whatsapp.com/');
    const warning = await waitForWarning(page);
    expect(warning.text).toContain(
      'Gemeente Voorbeeld heeft WhatsApp Web niet goedgekeurd voor werk',
    );
    expect(warning.text).toContain('Ik begrijp het');
  });
});
