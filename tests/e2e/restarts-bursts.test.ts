/**
 * Restarts and bursts (issue 13), in real Chromium: the service worker stopped 20 times while
 * pages open, 100 app tabs opened at once, the managed policy changed under open tabs. Every page
 * must be warned or blocked, the log must hold exactly one record per page, and no Signpost
 * context may throw: uncaught errors and unhandled rejections are collected from every app page
 * (its isolated world included) and extension page, and from the worker's own record of them
 * (the status page's "unexpected error" line).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  currentWorker,
  reloadPolicies,
  stopExtensionWorker,
  waitForPolicy,
  waitForWarning,
  writeManagedPolicy,
  type Session,
} from './harness';
import { loggedEvents, useBrowserSuite } from './suite';

const { start } = useBrowserSuite();

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

/** Collects every uncaught error and unhandled rejection in the tabs it opens. */
function errorWatch(context: BrowserContext) {
  const errors: string[] = [];
  return {
    errors,
    /** Opens a tab watched from before its first script runs. */
    open: async (url: string): Promise<Page> => {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      const cdp = await context.newCDPSession(page);
      // Every execution context of the page, Signpost's isolated world included.
      cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
        errors.push(`${page.url()}: ${JSON.stringify(exceptionDetails).slice(0, 300)}`),
      );
      await cdp.send('Runtime.enable');
      await page.goto(url, { waitUntil: 'commit' });
      return page;
    },
  };
}

/** The worker's record of what escaped every catch (health step `unexpected`), if any. */
async function unexpectedInWorker(session: Session): Promise<unknown> {
  const worker = await currentWorker(session);
  return worker.evaluate(
    async () =>
      ((await chrome.storage.local.get('health')).health as Record<string, unknown> | undefined)
        ?.unexpected ?? null,
  );
}

const isBlockPage = (page: Page, app: string) =>
  page.waitForURL((url) => url.pathname === '/blocked.html' && url.searchParams.get('app') === app);

/** Waits until the log holds `count` records, then a moment more to catch any duplicate. */
async function settledEvents(session: Session, count: number) {
  // Not an assertion here: the caller compares the whole tally, which says what is missing.
  const deadline = Date.now() + 30_000;
  while ((await loggedEvents(session)).length < count && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return (await loggedEvents(session)) as { appId: string; outcome: string }[];
}

const tally = (events: { appId: string; outcome: string }[]) =>
  Object.fromEntries(
    [...new Set(events.map((e) => `${e.appId} ${e.outcome}`))].map((key) => [
      key,
      events.filter((e) => `${e.appId} ${e.outcome}` === key).length,
    ]),
  );

const POLICY = {
  rules: [
    { app: 'whatsapp', action: 'warn' },
    { app: 'telegram', action: 'block' },
    { app: 'discord', action: 'allow' },
  ],
};

describe('restarts and bursts', () => {
  it('warns or blocks every page while the worker is stopped 20 times, one record each', async () => {
    const session = await start(POLICY);
    const watch = errorWatch(session.context);
    const control = await session.context.newPage();
    const opened: Page[] = [];
    let warned = 0;
    let blocked = 0;
    for (let i = 0; i < 20; i++) {
      const isWarn = i % 2 === 0;
      const url = isWarn
        ? `https://web.whatsapp.com/?restart=${String(i)}`
        : `https://web.telegram.org/k/?restart=${String(i)}`;
      // Stop the worker and open the page at once: the page wakes it, or finds it stopped.
      const [, page] = await Promise.all([
        stopExtensionWorker(control, session.id),
        watch.open(url),
      ]);
      if (isWarn) {
        expect((await waitForWarning(page)).app).toBe('whatsapp');
        warned += 1;
      } else {
        await isBlockPage(page, 'telegram');
        blocked += 1;
      }
      opened.push(page); // left open: a page retries its message until the worker answers
    }
    const events = await settledEvents(session, 20);
    await Promise.all(opened.map((page) => page.close()));
    console.log(
      `20 worker stops while pages opened: ${String(warned)} warned, ${String(blocked)} blocked, log ${JSON.stringify(tally(events))}, ${String(watch.errors.length)} errors`,
    );
    expect(tally(events)).toEqual({ 'whatsapp warned': 10, 'telegram blocked': 10 });
    expect(watch.errors).toEqual([]);
    expect(await unexpectedInWorker(session)).toBeNull();
  });

  it('warns on 100 app tabs opened at once, 100 records', async () => {
    const session = await start(POLICY);
    const watch = errorWatch(session.context);
    const started = Date.now();
    const pages = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        watch.open(`https://web.whatsapp.com/?tab=${String(i)}`),
      ),
    );
    const views = await Promise.all(pages.map((page) => waitForWarning(page, 60_000)));
    const seconds = (Date.now() - started) / 1000;
    const events = await settledEvents(session, 100);
    console.log(
      `100 tabs at once: ${String(views.filter((v) => v.app === 'whatsapp').length)} warnings in ${seconds.toFixed(1)} s, log ${JSON.stringify(tally(events))}, ${String(watch.errors.length)} errors`,
    );
    expect(views.every((view) => view.app === 'whatsapp')).toBe(true);
    expect(tally(events)).toEqual({ 'whatsapp warned': 100 });
    expect(watch.errors).toEqual([]);
    expect(await unexpectedInWorker(session)).toBeNull();
  }, 180_000);

  it('switches every open tab when the managed policy changes', async () => {
    const session = await start(POLICY);
    const before = await waitForPolicy(session, (s) => s.source === 'managed');
    const watch = errorWatch(session.context);
    const warnedTabs = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        watch.open(`https://web.whatsapp.com/?open=${String(i)}`),
      ),
    );
    const allowedTabs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => watch.open(`https://discord.com/app?open=${String(i)}`)),
    );
    await Promise.all(warnedTabs.map((page) => waitForWarning(page)));
    // The admin turns it round: WhatsApp allowed, Discord blocked.
    writeManagedPolicy({
      rules: [
        { app: 'whatsapp', action: 'allow' },
        { app: 'discord', action: 'block' },
      ],
    });
    await reloadPolicies(session);
    await waitForPolicy(session, (s) => s.source === 'managed' && s.hash !== before.hash);
    await Promise.all(
      warnedTabs.map((page) => page.waitForSelector('signpost-warning', { state: 'detached' })),
    );
    await Promise.all(allowedTabs.map((page) => isBlockPage(page, 'discord')));
    const events = await settledEvents(session, 20);
    console.log(
      `policy changed under 20 open tabs: 10 warnings gone, 10 tabs on the block page, log ${JSON.stringify(tally(events))}, ${String(watch.errors.length)} errors`,
    );
    expect(tally(events)).toEqual({ 'whatsapp warned': 10, 'discord blocked': 10 });
    expect(watch.errors).toEqual([]);
    expect(await unexpectedInWorker(session)).toBeNull();
  }, 120_000);
});
