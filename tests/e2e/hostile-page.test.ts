/**
 * A page that fights the warning (issue 13), in real Chromium: it overrides `attachShadow`,
 * `Element.prototype`, `MutationObserver` and `showPopover` before Signpost's script runs, replaces
 * `<html>`, removes the warning in a loop, hides it with CSS, covers it with a full-screen element,
 * its own top-layer popover and a modal dialog, and posts forged messages. The warning must stay
 * on screen (its button found by `elementFromPoint`, its colour in a screenshot), the page
 * responsive, and the forged messages must change nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForWarning } from './harness';
import { isNear, pixelAt, type Rgb } from './pixels';
import { loggedEvents, storedAcknowledgements, useBrowserSuite } from './suite';
import { controlCentre } from './warning-view';

const { start } = useBrowserSuite();

/** The banner's background (light scheme, src/ui/warning-banner-css.ts); every cover differs. */
const BANNER: Rgb = [0xff, 0xf8, 0xe1];

type Point = { x: number; y: number };
type Fight = {
  removals: number;
  /** Times Signpost's element was added back, as the page's own observer saw it. */
  putBack: number;
  seconds: number;
  framesBefore: number;
  framesDuring: number;
};

/** Runs before any script of the page, in the page's world: what a hostile page can override. */
function overrideBeforeSignpost() {
  (window as unknown as { originalObserver: unknown }).originalObserver = window.MutationObserver;
  Element.prototype.attachShadow = () => {
    throw new Error('no shadow roots here');
  };
  Element.prototype.remove = () => undefined;
  HTMLElement.prototype.showPopover = () => undefined;
  window.MutationObserver = class {
    observe() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  };
  // A custom element under Signpost's tag name that refuses a shadow root.
  customElements.define(
    'signpost-warning',
    class extends HTMLElement {
      static disabledFeatures = ['shadow'];
    },
  );
}

/**
 * Starts the page's attack (after counting its frames for a second) and returns at once; the
 * page keeps fighting until `stopFight`. `instant`: also remove the warning from the page's own
 * MutationObserver, the moment it is back.
 */
async function startFight({ instant }: { instant: boolean }): Promise<void> {
  const scope = window as unknown as {
    originalObserver?: typeof MutationObserver;
    stopFight?: () => Fight;
  };
  const Observer = scope.originalObserver ?? MutationObserver;
  // Element.prototype.remove may be overridden above; the page removes through the parent.
  const remove = (element: Element) => element.parentNode?.removeChild(element);
  const result: Fight = { removals: 0, putBack: 0, seconds: 0, framesBefore: 0, framesDuring: 0 };
  let phase: 'before' | 'during' | 'done' = 'before';
  const countFrames = () => {
    if (phase === 'before') result.framesBefore += 1;
    else if (phase === 'during') result.framesDuring += 1;
    if (phase !== 'done') requestAnimationFrame(countFrames);
  };
  requestAnimationFrame(countFrames);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  phase = 'during';
  const started = performance.now();

  const counter = new Observer((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element && node.localName === 'signpost-warning') result.putBack += 1;
  });
  counter.observe(document, { childList: true, subtree: true });

  // Replace <html>, with hiding CSS in the new one.
  const html = document.createElement('html');
  html.innerHTML =
    '<head><style>signpost-warning, signpost-warning * { display: none !important; visibility: hidden !important; opacity: 0 !important; }</style></head><body><h1>The app</h1></body>';
  document.replaceChild(html, document.documentElement);

  const cover = (colour: string) => {
    const div = document.createElement('div');
    div.style.cssText = `position:fixed;inset:0;width:100vw;height:100vh;z-index:2147483647;background:${colour}`;
    return div;
  };
  const popover = cover('#f00');
  popover.setAttribute('popover', 'manual');
  popover.style.pointerEvents = 'none'; // lets clicks through, so a point check alone misses it
  document.body.append(popover);
  popover.showPopover();

  const black = cover('#000');
  const attack = () => {
    for (const element of document.querySelectorAll('signpost-warning')) {
      element.setAttribute('style', 'display:none !important');
      element.removeAttribute('popover');
      remove(element);
      result.removals += 1;
    }
    document.documentElement.append(black); // moved to the end again: after ours
  };
  let remover: MutationObserver | undefined;
  if (instant) {
    remover = new Observer(() => {
      const element = document.querySelector('signpost-warning');
      if (!element) return;
      remove(element);
      result.removals += 1;
    });
    remover.observe(document, { childList: true, subtree: true });
  }
  attack();
  const loop = setInterval(attack, 4);
  const raiseOwn = setInterval(() => {
    popover.hidePopover();
    popover.showPopover();
  }, 100);
  const forge = setInterval(() => {
    for (const type of ['acknowledgeWarning', 'recordAlternativeUse', 'proceedToApp'])
      window.postMessage({ type, appId: 'whatsapp', payload: { appId: 'whatsapp' } }, '*');
    document.dispatchEvent(new CustomEvent('signpost', { detail: { acknowledge: true } }));
  }, 50);

  scope.stopFight = () => {
    phase = 'done';
    result.seconds = (performance.now() - started) / 1000;
    clearInterval(loop);
    clearInterval(raiseOwn);
    clearInterval(forge);
    remover?.disconnect();
    counter.disconnect();
    popover.hidePopover();
    return result;
  };
}

const stopFight = (page: Page) =>
  page.evaluate(() => (window as unknown as { stopFight: () => Fight }).stopFight());

/** Looks `count` times, 50 ms apart: is the warning's button hit at its centre, and painted? */
async function sample(page: Page, centre: Point, count: number) {
  let hit = 0;
  let painted = 0;
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const at = await page.evaluate(
      ({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('signpost-warning')),
      centre,
    );
    if (at) hit += 1;
    // Left of the buttons, inside the strip: the banner's own background or a cover's colour.
    if (isNear(await pixelAt(page, 4, centre.y), BANNER)) painted += 1;
  }
  return { hit, painted, count };
}

async function openWarnedPage(withOverrides: boolean) {
  const session = await start({ warnings: { acknowledgeForDays: 30 } });
  if (withOverrides) await session.context.addInitScript(overrideBeforeSignpost);
  const page = await session.context.newPage();
  await page.goto('https://web.whatsapp.com/');
  await waitForWarning(page);
  const centre = await controlCentre(page, 'I understand');
  return { session, page, centre };
}

const framesPerSecond = (fight: Fight) => fight.framesDuring / fight.seconds;

describe('a page that fights the warning', () => {
  it('keeps it on screen and the page responsive through removal, CSS, covers, overrides and forged messages', async () => {
    const { session, page, centre } = await openWarnedPage(true);
    await page.evaluate(startFight, { instant: false });
    const during = await sample(page, centre, 30);
    // A modal dialog on top: the warning is raised above it, but is inert like the rest of the
    // page outside the dialog (the browser's rule) until the dialog closes.
    await page.evaluate(() => {
      const dialog = document.createElement('dialog');
      dialog.id = 'modal';
      dialog.style.cssText =
        'width:100vw;height:100vh;max-width:none;max-height:none;margin:0;background:#00f';
      document.body.append(dialog);
      dialog.showModal();
    });
    const underDialog = await sample(page, centre, 10);
    await page.evaluate(() => (document.getElementById('modal') as HTMLDialogElement).close());
    const afterDialog = await sample(page, centre, 10);
    const fight = await stopFight(page);
    console.log(
      `hostile page (removal every 4 ms, hiding CSS, <html> replaced, full-screen covers, its own popover, forged messages, main-world overrides): ${String(fight.removals)} removals in ${fight.seconds.toFixed(1)} s, visible ${String(during.hit)}/${String(during.count)} by elementFromPoint and ${String(during.painted)}/${String(during.count)} in screenshots; under a modal dialog painted ${String(underDialog.painted)}/${String(underDialog.count)} (hit ${String(underDialog.hit)}: inert), after it ${String(afterDialog.hit)}/${String(afterDialog.count)}; ${framesPerSecond(fight).toFixed(0)} frames/s during vs ${String(fight.framesBefore)} before`,
    );
    expect(fight.removals).toBeGreaterThan(300);
    expect(during).toEqual({ hit: 30, painted: 30, count: 30 });
    expect(underDialog.painted).toBe(10);
    expect(afterDialog).toEqual({ hit: 10, painted: 10, count: 10 });
    expect(framesPerSecond(fight)).toBeGreaterThan(fight.framesBefore / 2);
    // The forged messages did nothing.
    expect(await storedAcknowledgements(session)).toEqual({});
    const outcomes = ((await loggedEvents(session)) as { outcome: string }[]).map((e) => e.outcome);
    expect(outcomes).toEqual(['warned']);
  });

  it('bounds its work against a page that removes it the moment it is back, and returns when the page stops', async () => {
    const { page, centre } = await openWarnedPage(false);
    await page.evaluate(startFight, { instant: true });
    const during = await sample(page, centre, 20);
    const fight = await stopFight(page);
    const putBackPerSecond = fight.putBack / fight.seconds;
    console.log(
      `instant remover (the page's own MutationObserver): ${String(fight.removals)} removals in ${fight.seconds.toFixed(1)} s, ${putBackPerSecond.toFixed(0)} put back per second, visible ${String(during.hit)}/${String(during.count)}; ${framesPerSecond(fight).toFixed(0)} frames/s during vs ${String(fight.framesBefore)} before`,
    );
    expect(fight.removals).toBeGreaterThan(100);
    // Bounded by the guard's bucket (600 a second, 60 at once), never an endless microtask loop.
    expect(fight.putBack).toBeLessThanOrEqual(600 * fight.seconds + 60 + 10);
    expect(framesPerSecond(fight)).toBeGreaterThan(fight.framesBefore / 2);
    // Once the page stops, the warning is back on top.
    expect(await sample(page, centre, 5)).toEqual({ hit: 5, painted: 5, count: 5 });
  });
});
