/**
 * The organisation's logo (policy `organization.logo`), end to end in Chromium: on the block page,
 * the popup and the banner — also on a page whose own CSP forbids data: images — and an invalid
 * logo reported on the status page with no image anywhere.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PNG_LOGO, SVG_LOGO } from '../fixtures/logos';
import { settleContentScript, waitForWarning, type Session } from './harness';
import { activeTabId, ORG, useBrowserSuite } from './suite';

const { start, requestsTo } = useBrowserSuite();

const TEAMS = { id: 'teams', url: 'https://teams.microsoft.com/' };

async function openBlocked(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector('h1');
  expect(page.url()).toContain('/blocked.html?app=telegram');
}

type DomNode = {
  nodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
};
type ImageFacts = {
  alt: string | null;
  naturalWidth: number;
  height: number;
  rowHeight: number;
  titleHeight: number;
};

/** The images inside the warning's closed shadow root, once loaded (CDP pierces the root). */
async function warningImages(page: Page): Promise<ImageFacts[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const images: number[] = [];
    const walk = (node: DomNode, inWarning: boolean) => {
      const inside = inWarning || node.nodeName === 'SIGNPOST-WARNING';
      if (inside && node.nodeName === 'IMG') images.push(node.nodeId);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])])
        walk(child, inside);
    };
    walk(root, false);
    const facts: ImageFacts[] = [];
    for (const nodeId of images) {
      const { object } = (await cdp.send('DOM.resolveNode', { nodeId })) as {
        object: { objectId: string };
      };
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        awaitPromise: true,
        returnByValue: true,
        functionDeclaration: `async function () {
          if (!this.complete) await new Promise((done) => { this.onload = this.onerror = done; });
          const row = this.parentElement;
          return { alt: this.getAttribute('alt'), naturalWidth: this.naturalWidth,
            height: this.getBoundingClientRect().height, rowHeight: row.getBoundingClientRect().height,
            titleHeight: row.querySelector('h2').getBoundingClientRect().height };
        }`,
      })) as { result: { value: ImageFacts } };
      facts.push(result.value);
    }
    return facts;
  } finally {
    await cdp.detach();
  }
}

/** Loaded size of the page's own logo image (block page, popup). */
const loadedImage = (page: Page, selector: string) =>
  page.$eval(selector, async (image) => {
    const img = image as HTMLImageElement;
    await img.decode().catch(() => undefined);
    return {
      alt: img.getAttribute('alt'),
      naturalWidth: img.naturalWidth,
      height: img.getBoundingClientRect().height,
    };
  });

async function openPopupFor(s: Session, page: Page): Promise<Page> {
  await page.bringToFront();
  await settleContentScript(page);
  const tabId = await activeTabId(s);
  const popup = await s.context.newPage();
  await popup.goto(`chrome-extension://${s.id}/popup.html?tab=${String(tabId)}`);
  await popup.waitForSelector('.state');
  return popup;
}

describe('the organisation logo', () => {
  it('is shown, decorative next to the name, on the block page, the popup and the banner', async () => {
    const s = await start({
      organization: { ...ORG, logo: SVG_LOGO },
      rules: [{ app: 'telegram', action: 'block' }],
      alternatives: [TEAMS],
    });
    const blocked = await s.context.newPage();
    await openBlocked(blocked, 'https://web.telegram.org/k/');
    expect(await loadedImage(blocked, 'main > img.logo')).toEqual({
      alt: '',
      naturalWidth: 96,
      height: 32,
    });

    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1100, height: 640 });
    await page.goto('https://web.whatsapp.com/');
    await waitForWarning(page);
    const [logo, ...others] = await warningImages(page);
    expect(others).toEqual([]);
    expect(logo).toMatchObject({ alt: '', naturalWidth: 96, height: 24 });
    // The logo shares the title's row and makes it no taller than the logo itself.
    expect(logo!.rowHeight).toBeLessThanOrEqual(Math.max(logo!.titleHeight, 24) + 0.5);

    const popup = await openPopupFor(s, page);
    expect(await popup.textContent('.organization')).toBe('Gemeente Voorbeeld');
    expect(await loadedImage(popup, '.organization img.logo')).toEqual({
      alt: '',
      naturalWidth: 96,
      height: 24,
    });
  });

  it.each([
    ["img-src 'none'", PNG_LOGO, 48],
    ["default-src 'none'", SVG_LOGO, 96],
  ])('is shown in the banner on a page whose own CSP is %s', async (csp, logo, naturalWidth) => {
    const s = await start({ organization: { logo } });
    const page = await s.context.newPage();
    await page.goto(`https://web.whatsapp.com/?csp=${encodeURIComponent(csp)}`);
    await waitForWarning(page);
    // The page's own data: image is refused: its CSP is in force.
    const pageImage = await page.evaluate(
      (src) =>
        new Promise<string>((done) => {
          const img = document.createElement('img');
          img.onload = () => done('loaded');
          img.onerror = () => done('refused');
          img.src = src;
          document.body.append(img);
        }),
      logo,
    );
    expect(pageImage).toBe('refused');
    // Signpost's image, created by its content script in its closed shadow root, is not, and the
    // banner's own styles apply (24 px high, whatever the image's own size).
    expect(await warningImages(page)).toEqual([
      expect.objectContaining({ alt: 'Logo of your organisation', naturalWidth, height: 24 }),
    ]);
  });

  it('an invalid logo is reported on the status page and no image is shown', async () => {
    const s = await start({
      organization: { ...ORG, logo: 'https://voorbeeld.example/logo.png' },
      rules: [{ app: 'telegram', action: 'block' }],
    });
    const status = await s.context.newPage();
    await status.goto(`chrome-extension://${s.id}/status.html`);
    const row = status.locator('table.issues tr[data-path="organization.logo"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('a logo is never fetched from an address');

    const blocked = await s.context.newPage();
    await openBlocked(blocked, 'https://web.telegram.org/k/');
    expect(await blocked.locator('img').count()).toBe(0);
    const page = await s.context.newPage();
    await page.goto('https://web.whatsapp.com/');
    await waitForWarning(page);
    expect(await warningImages(page)).toEqual([]);
    expect(requestsTo('voorbeeld.example')).toEqual([]);
  });
});
