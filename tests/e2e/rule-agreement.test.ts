/**
 * The planned network rules, as real Chromium matches them, agree with the engine; and the
 * emulation the worker and the unit tests use (src/policy/dnr-match.ts) picks the same rule as
 * Chromium's own matcher (declarativeNetRequest.testMatchOutcome, available to unpacked builds).
 * Random policies and adversarial URLs from tests/support/random-policies.ts. `npm test` runs a
 * sample; `npm run test:fuzz` (SIGNPOST_FUZZ=1) the full run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { winningRule } from '../../src/policy/dnr-match';
import type { DnrRule } from '../../src/policy/dnr-rules';
import { CHROMIUM_BUDGET, type RuleBudget } from '../../src/policy/rule-plan';
import { decide } from '../../src/policy/decide';
import { planFor } from '../support/agreement';
import { policyArbitrary, urlArbitrary } from '../support/random-policies';
import { useBrowserSuite, workerOf } from './suite';

const { start } = useBrowserSuite();
const FULL = process.env.SIGNPOST_FUZZ === '1';
const POLICIES = FULL ? 1000 : 60;
const URLS = FULL ? 100 : 40;
const TYPES = ['main_frame', 'sub_frame', 'script', 'xmlhttprequest'] as const;

declare const chrome: {
  runtime: { getURL(path: string): string };
  declarativeNetRequest: {
    getDynamicRules(): Promise<{ id: number }[]>;
    updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
    testMatchOutcome(request: {
      url: string;
      type: string;
      tabId?: number;
    }): Promise<{ matchedRules: { ruleId: number }[] }>;
  };
};

describe('network rules in real Chromium', () => {
  it.each([
    ['Chromium budget', CHROMIUM_BUDGET],
    [
      'a tight budget',
      { maxRules: 40, maxUnsafeRules: 40, maxRegexRules: 6, maxRegexPathChars: 8 },
    ],
  ] as [string, RuleBudget][])(
    'agree with the engine and with their emulation (%s)',
    async (name, budget) => {
      const s = await start(null, { source: 'default' });
      const worker = workerOf(s);
      const samples = fc.sample(
        policyArbitrary.chain((raw) => {
          const planned = planFor(raw, budget);
          const patterns = planned.compiled.apps.flatMap((a) =>
            a.patterns.map((p) => `${p.host}${p.path}`),
          );
          return fc.tuple(
            fc.constant(planned),
            fc.array(urlArbitrary(patterns), { minLength: URLS, maxLength: URLS }),
          );
        }),
        { numRuns: POLICIES, seed: 20261202 },
      );
      const counts = { policies: 0, checks: 0, emulation: 0, underBlocks: 0, released: 0 };
      const mismatches: string[] = [];
      for (const [planned, urls] of samples) {
        // The plan names the extension's own block page so redirects stay valid.
        const rules: DnrRule[] = JSON.parse(
          JSON.stringify(planned.plan.rules).replaceAll(
            'chrome-extension://iibcgklibnmbknlhgijglbbcalghaboe/',
            `chrome-extension://${s.id}/`,
          ),
        ) as DnrRule[];
        const requests = urls.flatMap((url) => TYPES.map((type) => ({ url, type })));
        const matched = await worker.evaluate(
          async ({ rules, requests }) => {
            const dnr = chrome.declarativeNetRequest;
            const existing = (await dnr.getDynamicRules()).map((r) => r.id);
            await dnr.updateDynamicRules({ removeRuleIds: existing, addRules: rules });
            return Promise.all(
              requests.map(({ url, type }) =>
                dnr
                  .testMatchOutcome({ url, type, tabId: 1 })
                  .then((r) => r.matchedRules[0]?.ruleId ?? null)
                  .catch(() => 'invalid' as const),
              ),
            );
          },
          { rules, requests },
        );
        counts.policies++;
        requests.forEach((request, index) => {
          const chromium = matched[index];
          if (chromium === 'invalid') return;
          counts.checks++;
          const emulated = winningRule(rules, { ...request, tabId: 1 })?.id ?? null;
          if (emulated !== chromium) {
            counts.emulation++;
            mismatches.push(
              `${request.type} ${request.url}: Chromium ${String(chromium)}, emulated ${String(emulated)}`,
            );
          }
        });
        // Engine vs the rule Chromium itself picked for the page load.
        const byId = new Map(rules.map((rule) => [rule.id, rule]));
        urls.forEach((url, index) => {
          const chromium = matched[index * TYPES.length];
          if (chromium === 'invalid' || chromium === undefined) return;
          const rule = chromium === null ? undefined : byId.get(chromium);
          const toBlockPage = rule?.action.type === 'redirect';
          const isBlocked = decide(planned.matcher, url).action === 'block';
          if (isBlocked && !toBlockPage) {
            counts.underBlocks++;
            mismatches.push(`under-block: ${url}`);
          } else if (!isBlocked && toBlockPage) counts.released++;
          if (rule?.action.type === 'block') mismatches.push(`page load failed: ${url}`);
        });
      }
      console.log(
        `rules in Chromium (${name}): ${String(counts.policies)} policies, ${String(counts.checks)} requests checked with testMatchOutcome: ${String(counts.emulation)} where the emulation picked another rule; engine vs the rules Chromium applied to page loads: ${String(counts.underBlocks)} disagreements, ${String(counts.released)} pages released by the block page`,
      );
      expect(mismatches.slice(0, 10)).toEqual([]);
      expect(counts.checks).toBeGreaterThan(POLICIES * URLS * 3);
    },
    FULL ? 1_800_000 : 180_000,
  );
});
