/**
 * Keeps declarativeNetRequest dynamic rules equal to the block decisions of the policy in force,
 * within the browser's limits (rule-plan.ts), and records what happened for the status page.
 * `updateDynamicRules` is all-or-nothing: when the browser refuses the whole set, the previous
 * policy's rules are removed anyway and the plan is installed part by part, so every rule the
 * browser takes is in force and the ones it refuses are named, never only logged.
 */
import { browser } from 'wxt/browser';
import type { CompiledPolicy } from '../policy/compile';
import type { DnrRule } from '../policy/dnr-rules';
import { planNetworkRules, type RuleBudget, type RulePlan } from '../policy/rule-plan';
import { NETWORK_STATE_KEY, type NetworkRuleState } from '../status/network-state';
import { forThisBrowser, ruleBudget, unsupportedRegexes } from './rule-quirks';

type Dnr = {
  getDynamicRules(): Promise<DnrRule[]>;
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
};

const dnr = () => browser.declarativeNetRequest as unknown as Dnr;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Adds `rules`, splitting a refused batch until each refused rule stands alone. Returns how many
 * were added and the browser's reasons for the rest.
 */
async function addWhatFits(
  rules: DnrRule[],
  errors: Set<string>,
): Promise<{ added: number; refused: number }> {
  if (rules.length === 0) return { added: 0, refused: 0 };
  try {
    await dnr().updateDynamicRules({ addRules: rules });
    return { added: rules.length, refused: 0 };
  } catch (error) {
    if (rules.length === 1) {
      errors.add(message(error));
      return { added: 0, refused: 1 };
    }
    const half = Math.ceil(rules.length / 2);
    const first = await addWhatFits(rules.slice(0, half), errors);
    const second = await addWhatFits(rules.slice(half), errors);
    return { added: first.added + second.added, refused: first.refused + second.refused };
  }
}

/**
 * Plans within `budget`, shortening path regexes when the browser says it cannot compile one
 * (the planner's cost model is calibrated on Chromium 156; another version may differ).
 */
async function planThatCompiles(
  policy: CompiledPolicy,
  budget: RuleBudget,
  errors: Set<string>,
): Promise<{ plan: RulePlan; refusals: number }> {
  const blockedPage = browser.runtime.getURL('/blocked.html');
  let current = budget;
  let plan = planNetworkRules(policy, blockedPage, current);
  let refusals = 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    const refused = await unsupportedRegexes(plan.rules);
    if (refused.length === 0) return { plan, refusals };
    refusals += refused.length;
    if (attempt === 3) errors.add(`regex not supported by this browser: ${refused[0] ?? ''}`);
    const limit = current.maxRegexPathChars ?? 64;
    current = { ...current, maxRegexPathChars: Math.max(4, Math.floor((limit * 2) / 3)) };
    plan = planNetworkRules(policy, blockedPage, current);
  }
  return { plan, refusals };
}

/** The dynamic rules in force now, as the browser holds them. */
export function installedRules(): Promise<DnrRule[]> {
  return dnr().getDynamicRules();
}

/** Replaces Signpost's dynamic rules with the ones for `policy`; never throws. */
export async function syncBlockRules(
  policy: CompiledPolicy,
  policyHash: string | null,
): Promise<NetworkRuleState> {
  const started = Date.now();
  const errors = new Set<string>();
  let plan: RulePlan | undefined;
  let installed = 0;
  let refused = 0;
  let regexRefusals = 0;
  try {
    ({ plan, refusals: regexRefusals } = await planThatCompiles(policy, ruleBudget(), errors));
    const rules = forThisBrowser(plan.rules);
    const existing = (await dnr().getDynamicRules()).map((rule) => rule.id);
    try {
      await dnr().updateDynamicRules({ removeRuleIds: existing, addRules: rules });
      installed = rules.length;
    } catch (error) {
      errors.add(message(error));
      // Never leave the previous policy's rules in force: remove them, then add what fits.
      await dnr().updateDynamicRules({ removeRuleIds: existing });
      ({ added: installed, refused } = await addWhatFits(rules, errors));
    }
  } catch (error) {
    errors.add(message(error));
  }
  const planned = plan?.rules.length ?? 0;
  const state: NetworkRuleState = {
    status:
      errors.size === 0 && installed === planned
        ? 'ok'
        : installed === 0 && planned > 0
          ? 'failed'
          : 'degraded',
    policyHash,
    plannedRules: planned,
    installedRules: installed,
    refusedRules: refused || planned - installed,
    regexRefusals,
    summary: plan?.summary ?? emptySummary(),
    errors: [...errors].slice(0, 10),
    appliedAt: started,
    durationMs: Date.now() - started,
  };
  await browser.storage.local.set({ [NETWORK_STATE_KEY]: state }).catch(() => undefined);
  return state;
}

const emptySummary = (): RulePlan['summary'] => ({
  blockedPatterns: 0,
  layers: 0,
  regexRules: 0,
  redirectRules: 0,
  isExact: true,
  sharedPathPatterns: 0,
  shortenedPathPatterns: 0,
  releasedAllowPatterns: 0,
  unblockedSubresourcePatterns: 0,
});
