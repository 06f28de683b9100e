/**
 * Firefox ESR: the organisation's logo in the banner on a page whose own CSP forbids data: images
 * (and everything else). The banner's shadow root is closed and Firefox has no CDP to pierce it,
 * so the test looks at what is on screen: the logo's colour in a screenshot of the strip.
 */
import { afterAll, afterEach, expect, it } from 'vitest';
import { PNG_LOGO } from '../fixtures/logos';
import { restorePolicies, startFirefox, type FirefoxSession } from './firefox';

const GECKO_ID = 'signpost@signpost.extension';
/** PNG_LOGO is 48 × 24 pixels of this colour. */
const LOGO_RGB = [11, 83, 148];

let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});
afterAll(() => restorePolicies());

/** Pixels of the logo's colour in a PNG screenshot, counted by a page without a CSP. */
async function logoPixels(s: FirefoxSession, screenshot: string): Promise<number> {
  const helper = await s.browser.newPage();
  try {
    await helper.goto('https://example.test/');
    return await helper.evaluate(
      async (base64, rgb) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (!context) return -1;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4)
          if (rgb.every((value, c) => Math.abs((data[i + c] ?? 0) - value) < 6)) count++;
        return count;
      },
      screenshot,
      LOGO_RGB,
    );
  } finally {
    await helper.close();
  }
}

it.each(["img-src 'none'", "default-src 'none'"])(
  'the banner shows the logo under the page CSP %s, and the page reports no violation for it',
  async (csp) => {
    session = await startFirefox({
      policies: {
        '3rdparty': { Extensions: { [GECKO_ID]: { organization: { logo: PNG_LOGO } } } },
      },
    });
    const { page } = session;
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      Object.assign(window, { signpostViolations: seen });
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI.slice(0, 30)}`),
      );
    });
    // Right after start the policy may not be applied yet: reload until the banner is there.
    let isShown = false;
    for (let attempt = 0; attempt < 20 && !isShown; attempt++) {
      await page.goto(
        `https://web.whatsapp.com/?csp=${encodeURIComponent(csp)}&n=${String(attempt)}`,
      );
      isShown = await page
        .waitForSelector('signpost-warning', { timeout: 1500 })
        .then(() => true)
        .catch(() => false);
    }
    expect(isShown).toBe(true);
    const violations = (): Promise<string[]> =>
      page.evaluate(
        () => (window as unknown as { signpostViolations: string[] }).signpostViolations,
      );
    // The page's CSP is in force: its own favicon request is refused.
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^img-src https:/));
    await expect
      .poll(async () =>
        logoPixels(
          session!,
          await page.screenshot({
            encoding: 'base64',
            clip: { x: 0, y: 0, width: 400, height: 80 },
          }),
        ),
      )
      .toBe(48 * 24);
    expect(await violations()).not.toContainEqual(expect.stringContaining('data'));
  },
);
