/**
 * Enforcement at scale in real Chromium (issue 10): 5,000 blocked apps within Chromium's limits,
 * and when the browser refuses rules, the status page says so in the browser's words while blocked
 * apps still end on the block page.
 */
import { describe, expect, it } from 'vitest';
import { largePolicy, largePolicyAppUrl } from '../support/large-policy';
import { reloadPolicies, waitForPolicy, writeManagedPolicy } from './harness';
import { expectBlockPage, networkState } from './network-state';
import { ORG, useBrowserSuite, workerOf } from './suite';

/** The extension API inside the worker, as far as these tests use it. */
declare const chrome: {
  storage: {
    session: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
  };
  alarms: { create(name: string, info: { when: number }): void };
  declarativeNetRequest: { updateSessionRules(options: object): Promise<void> };
};

/** 5,000 apps in `npm test`; 10× that in `npm run test:fuzz`. */
const COUNT = process.env.SIGNPOST_FUZZ === '1' ? 50_000 : 5000;

const suite = useBrowserSuite();
const { start } = suite;
/** Requests to `host`, apart from the browser's own favicon fetches after a page loaded. */
const requestsTo = (host: string) =>
  suite.requestsTo(host).filter((request) => request.url !== '/favicon.ico');

describe(`a policy with ${String(COUNT)} blocked apps`, () => {
  it('is enforced at the network layer: first, middle and last app, and a 2FA-code site', async () => {
    const s = await start(largePolicy(COUNT));
    const state = await networkState(s);
    console.log(
      `${String(COUNT)} blocked apps in Chromium: ${String(state.installedRules)} rules (${String(state.summary.regexRules)} with a regex) for ${String(state.summary.blockedPatterns)} blocked patterns, installed in ${String(state.durationMs)} ms, exact: ${String(state.summary.isExact)}`,
    );
    // Every planned regex compiled the first time: the planner's cost model fits Chromium.
    expect(state).toMatchObject({ status: 'ok', errors: [], regexRefusals: 0 });
    const page = await s.context.newPage();
    for (const i of [0, 1, COUNT / 2, COUNT / 2 + 1, COUNT - 2, COUNT - 1]) {
      await expectBlockPage(page, s, largePolicyAppUrl(i), `app-${String(i)}`);
      expect(requestsTo(new URL(largePolicyAppUrl(i)).hostname)).toEqual([]);
    }
    await expectBlockPage(page, s, 'https://tools-box.net/en/2fa-authenticator', 'totp-generators');
    expect(requestsTo('tools-box.net')).toEqual([]);
    // A page of a blocked app's host outside its path still opens.
    await page.goto('https://portal1.corp1.test/help');
    expect(page.url()).toBe('https://portal1.corp1.test/help');
  });
});

describe('when the browser refuses rules', () => {
  it('applies what it takes, says "degraded" with the browser’s words, and still blocks', async () => {
    const s = await start({ rules: [{ app: 'telegram', action: 'block' }] });
    const before = await networkState(s);
    expect(before.status).toBe('ok');
    // Another part of the browser's budget is used up: 1,000 regex rules in all, dynamic and
    // session together. Fill it (as other session rules could) and change the policy.
    await workerOf(s).evaluate(async () => {
      const rules = Array.from({ length: 998 }, (_, i) => ({
        id: 100_000 + i,
        priority: 1,
        action: { type: 'allow' },
        condition: { regexFilter: `^https://filler${String(i)}\\.test/`, resourceTypes: ['image'] },
      }));
      await chrome.declarativeNetRequest.updateSessionRules({ addRules: rules });
    });
    writeManagedPolicy({
      organization: ORG,
      rules: [
        { app: 'discord', action: 'block' },
        { app: 'telegram', action: 'block' },
        { app: 'totp-generators', action: 'block' },
      ],
    });
    await reloadPolicies(s);
    await waitForPolicy(s, (x) => x.hash !== before.policyHash);
    const state = await networkState(s);
    expect(state.status).toBe('degraded');
    expect(state.errors.join(' ')).toMatch(/regex/i);
    expect(state.installedRules).toBeGreaterThan(0);

    const status = await s.context.newPage();
    await status.goto(`chrome-extension://${s.id}/status.html`);
    await status.waitForSelector('#network-status');
    expect(await status.getAttribute('#network-status', 'data-status')).toBe('degraded');
    expect(await status.textContent('#network-status')).toContain('Network blocking degraded');
    expect(await status.textContent('#network-errors')).toMatch(/regex/i);
    const diagnostics = JSON.parse((await status.textContent('#diagnostics')) ?? '{}') as {
      networkRules?: { status?: string };
    };
    expect(diagnostics.networkRules?.status).toBe('degraded');

    // Whatever rule was refused, every blocked app still ends on the block page; where the page
    // got past the network layer, the block page does not claim that nothing was sent.
    const page = await s.context.newPage();
    for (const [url, app] of [
      ['https://discord.com/channels/1', 'discord'],
      ['https://tools-box.net/en/2fa-authenticator', 'totp-generators'],
      ['https://2fa.live/', 'totp-generators'],
    ] as const) {
      await page.goto(url).catch(() => undefined);
      await page.waitForURL(/blocked\.html\?app=/);
      expect(page.url()).toContain(`app=${app}`);
      const host = new URL(url).hostname;
      await expect
        .poll(() => page.textContent('#sent-note'))
        .toBe(
          requestsTo(host).length > 0
            ? 'This page had started to load before Signpost stopped it, so the site may have seen this visit. Nothing more will be sent from this page.'
            : 'Nothing was sent to this site.',
        );
    }
  });
});
