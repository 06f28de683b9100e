/**
 * Whether to warn never waits on the service worker: the element is in the DOM before the page's
 * DOMContentLoaded on every load (early-warning registration), also with the worker stopped.
 */
import { describe, expect, it } from 'vitest';
import { stopExtensionWorker, waitForWarning, type Session } from './harness';
import { useBrowserSuite, workerOf } from './suite';
import { clickInWarning } from './warning-view';

/** The extension API inside the worker, as far as these tests use it. */
declare const chrome: {
  scripting: { getRegisteredContentScripts(filter: object): Promise<{ matches?: string[] }[]> };
};

const { start } = useBrowserSuite();

/** Where the early-warning script is registered now. */
async function earlyMatches(s: Session): Promise<string[]> {
  return workerOf(s).evaluate(
    async () =>
      (await chrome.scripting.getRegisteredContentScripts({ ids: ['signpost-early'] }))[0]
        ?.matches ?? [],
  );
}

describe('warning without waiting on the worker', () => {
  it('puts the warning element in the DOM before DOMContentLoaded, on every load', async () => {
    const s = await start({
      rules: [{ app: 'messenger', action: 'warn' }],
      customApps: [{ id: 'acme-chat', name: 'Acme Chat', match: ['chat.acme.test'] }],
    });
    await expect.poll(() => earlyMatches(s)).toContain('*://*.web.whatsapp.com/*');
    const page = await s.context.newPage();
    const atDomContentLoaded = () =>
      page.evaluate(
        () =>
          (window as unknown as { signpostAtDomContentLoaded?: boolean })
            .signpostAtDomContentLoaded,
      );
    for (const url of [
      'https://web.whatsapp.com/',
      'https://www.facebook.com/messages/t/1',
      'https://chat.acme.test/room',
      'https://web.whatsapp.com./',
    ]) {
      for (let load = 0; load < 5; load++) {
        await page.goto(url);
        expect(await atDomContentLoaded(), `${url} load ${String(load)}`).toBe(true);
        expect((await waitForWarning(page)).app).toBe(
          url.includes('acme') ? 'acme-chat' : url.includes('facebook') ? 'messenger' : 'whatsapp',
        );
      }
    }
    // Not on other paths of the same site, nor after "I understand".
    await page.goto('https://www.facebook.com/groups/1');
    expect(await atDomContentLoaded()).toBe(false);
    await page.goto('https://web.whatsapp.com/');
    await waitForWarning(page);
    await clickInWarning(page, 'I understand');
    await expect.poll(() => earlyMatches(s)).not.toContain('*://*.web.whatsapp.com/*');
    await page.goto('https://web.whatsapp.com/');
    expect(await atDomContentLoaded()).toBe(false);
  });

  it('keeps warning after the service worker was stopped', async () => {
    const s = await start({ organization: { name: 'Acme' } });
    const page = await s.context.newPage();
    await page.goto('https://example.test/');
    const worker = await stopExtensionWorker(page, s.id);
    expect(worker.runningStatus()).toBe('stopped');
    await page.goto('https://web.whatsapp.com/');
    expect((await waitForWarning(page)).text).toContain('Acme has not approved WhatsApp Web');
    // The decision never waited on the stopped worker: the element was there before DOMContentLoaded.
    expect(
      await page.evaluate(
        () =>
          (window as unknown as { signpostAtDomContentLoaded?: boolean })
            .signpostAtDomContentLoaded,
      ),
    ).toBe(true);
  });
});
