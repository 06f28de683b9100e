/** Helpers of the network-enforcement E2E tests: the recorded rule state and the block page. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForPolicy, type Session } from './harness';
import { workerOf } from './suite';

/** The extension API inside the worker, as far as these tests use it. */
declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    session: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
  };
  alarms: { create(name: string, info: { when: number }): void };
  declarativeNetRequest: {
    updateSessionRules(options: object): Promise<void>;
    getSessionRules(): Promise<{ id: number }[]>;
  };
};

export type NetworkState = {
  status: string;
  regexRefusals: number;
  policyHash: string | null;
  installedRules: number;
  plannedRules: number;
  durationMs: number;
  errors: string[];
  summary: { regexRules: number; blockedPatterns: number; isExact: boolean };
};

/** The network-rule state the worker recorded for the policy in force. */
export async function networkState(s: Session): Promise<NetworkState> {
  const { hash } = await waitForPolicy(s, (x) => x.source === 'managed');
  for (let i = 0; i < 300; i++) {
    const state = await workerOf(s).evaluate(
      async () =>
        (await chrome.storage.local.get('networkRules')).networkRules as NetworkState | undefined,
    );
    if (state && state.policyHash === (hash ?? null)) return state;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('no network-rule state for the policy in force');
}

/** Opens `url` and expects Signpost's block page for `appId`. */
export async function expectBlockPage(page: Page, s: Session, url: string, appId: string) {
  await page.goto(url);
  await page.waitForSelector('h1');
  expect(page.url(), url).toMatch(
    new RegExp(`^chrome-extension://${s.id}/blocked\\.html\\?app=${appId}&url=`),
  );
}
