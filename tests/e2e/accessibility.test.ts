/**
 * axe-core on everything an employee or helpdesk sees (banner, block page, popup, status and privacy
 * pages), in English and Dutch, with the organisation's logo and reasons to continue in the
 * policy, and the screenshots the README shows. 0 serious or critical findings.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SVG_LOGO } from '../fixtures/logos';
import { seriousBannerViolations, seriousViolations } from './axe';
import { settleContentScript, waitForWarning } from './harness';
import { activeTabId, ORG, useBrowserSuite } from './suite';
import { clickInWarning } from './warning-view';

const { start } = useBrowserSuite();
const shots = resolve(import.meta.dirname, '../../.output/screenshots');
mkdirSync(shots, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: resolve(shots, `${name}.png`) });

const POLICY = {
  organization: {
    ...ORG,
    requestAccessUrl: 'https://helpdesk.voorbeeld.example/access?app={app}',
    logo: SVG_LOGO,
  },
  requirements: ['e2ee', 'internal-directory'],
  rules: [
    {
      app: 'whatsapp',
      action: 'warn',
      message: { nl: 'Gebruik voor werk Teams.', en: 'Use Teams for work.' },
    },
    {
      app: 'telegram',
      action: 'block',
      warnings: {
        allowProceed: true,
        requireReason: true,
        reasons: [
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
        ],
      },
    },
  ],
  alternatives: [
    {
      id: 'teams',
      url: 'https://teams.microsoft.com/',
      instructions: {
        nl: 'Teams staat al op je werkplek; log in met je werkaccount.',
        en: 'Teams is already on your computer; sign in with your work account.',
      },
    },
  ],
};

it('the axe harness finds violations where there are some (negative control)', async () => {
  const s = await start({ organization: ORG });
  const page = await s.context.newPage();
  await page.setContent(
    '<html><body><img src="x.png"><button></button><p style="color:#ddd;background:#fff">faint</p></body></html>',
  );
  const ids = (await seriousViolations(page)).map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name', 'color-contrast']));
});

describe.each(['en', 'nl'])('in %s', (language) => {
  it('banner, block page and popup have no serious or critical axe findings', async () => {
    const s = await start({ ...POLICY, locale: language });
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1100, height: 640 });
    await page.goto('https://web.whatsapp.com/');
    await waitForWarning(page);
    expect(await seriousBannerViolations(page)).toEqual([]);
    await shot(page, `banner-${language}`);
    await clickInWarning(page, language === 'nl' ? 'Waarom?' : 'Why?');
    expect(await seriousBannerViolations(page)).toEqual([]);
    await shot(page, `banner-risks-${language}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousBannerViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    const blocked = await s.context.newPage();
    await blocked.setViewportSize({ width: 900, height: 1100 });
    await blocked.goto('https://web.telegram.org/k/');
    await blocked.waitForSelector('h1');
    await blocked.click('summary');
    expect(await seriousViolations(blocked)).toEqual([]);
    await shot(blocked, `block-page-${language}`);
    // With "another reason" chosen, its text field shows and the error message is filled in.
    await blocked.check('#reason-choice-other');
    await blocked.click('.proceed button');
    await blocked.waitForSelector('.error:not(:empty)');
    expect(await seriousViolations(blocked)).toEqual([]);
    await shot(blocked, `block-page-reasons-${language}`);

    await page.bringToFront();
    await settleContentScript(page);
    const tabId = await activeTabId(s);
    const popup = await s.context.newPage();
    await popup.setViewportSize({ width: 360, height: 560 });
    await popup.goto(`chrome-extension://${s.id}/popup.html?tab=${String(tabId)}`);
    await popup.waitForSelector('.state');
    expect(await popup.getAttribute('.state', 'data-state')).toBe('warned');
    expect(await seriousViolations(popup)).toEqual([]);
    await shot(popup, `popup-${language}`);

    for (const name of ['status', 'privacy']) {
      const helpdesk = await s.context.newPage();
      await helpdesk.setViewportSize({ width: 1100, height: 1400 });
      await helpdesk.goto(`chrome-extension://${s.id}/${name}.html`);
      await helpdesk.waitForSelector('h1');
      expect(await seriousViolations(helpdesk)).toEqual([]);
      await shot(helpdesk, `${name}-${language}`);
    }
  });
});

it('stays usable at 200 % zoom: the banner wraps instead of overflowing', async () => {
  const s = await start(POLICY);
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 640, height: 480 });
  await page.goto('https://web.whatsapp.com/');
  await waitForWarning(page);
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: 320,
    height: 480,
    deviceScaleFactor: 2,
    mobile: false,
  });
  const box = await page.locator('signpost-warning').boundingBox();
  expect(box?.width).toBeLessThanOrEqual(321);
  expect(await seriousBannerViolations(page)).toEqual([]);
  await shot(page, 'banner-narrow-en');
});
