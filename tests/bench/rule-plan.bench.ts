/**
 * Network-rule planning at scale: rules, regex rules and planning time for 500, 5,000 and 50,000
 * blocked apps (10× the largest E2E policy), half host-only and half behind a long path, against
 * Chromium's and Firefox's limits. Prints figures; the limits themselves are asserted in the unit
 * tests. Run: npm run bench
 */
import { test } from 'vitest';
import { compilePolicy } from '../../src/policy/compile';
import { parsePolicy } from '../../src/policy/parse';
import { CHROMIUM_BUDGET, FIREFOX_BUDGET, planNetworkRules } from '../../src/policy/rule-plan';
import { largePolicy } from '../support/large-policy';

test('network-rule planning benchmark', () => {
  console.log(`\nSignpost network-rule planning (Node ${process.version})`);
  for (const count of [500, 5000, 50_000]) {
    const raw = largePolicy(count);
    const parseStart = performance.now();
    const { policy } = parsePolicy(raw);
    if (!policy) throw new Error('unusable');
    const compiled = compilePolicy(policy, { isBuiltInDefault: false });
    const parsed = performance.now() - parseStart;
    for (const [name, budget] of [
      ['Chromium', CHROMIUM_BUDGET],
      ['Firefox', FIREFOX_BUDGET],
    ] as const) {
      const started = performance.now();
      const { rules, summary } = planNetworkRules(
        compiled,
        'chrome-extension://x/blocked.html',
        budget,
      );
      const planned = performance.now() - started;
      console.log(
        `  ${String(count).padStart(6)} apps, ${name.padEnd(8)}: ${String(rules.length).padStart(6)} rules (limit ${String(budget.maxRules)}), ${String(summary.regexRules).padStart(4)} regex (limit ${String(budget.maxRegexRules)}), ${String(summary.sharedPathPatterns).padStart(6)} path patterns sharing a regex, ${String(summary.unblockedSubresourcePatterns).padStart(6)} without sub-request rules; plan ${planned.toFixed(0)} ms (parse + compile ${parsed.toFixed(0)} ms)`,
      );
    }
  }
});
