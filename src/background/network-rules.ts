/**
 * Keeps declarativeNetRequest dynamic rules equal to the block decisions of the policy in force,
 * within the browser's limits (rule-plan.ts), and records what happened for the status page.
 * `updateDynamicRules` is all-or-nothing: when the browser refuses the whole set, the previous
 * policy's rules are removed anyway and the plan is installed part by part, so every rule the
 * browser takes is in force and the ones it refuses are named, never only logged.
 */
import type { CompiledPolicy } from '../policy/compile';
import type { DnrRule } from '../policy/dnr-rules';
import { planNetworkRules, type RuleBudget, type RulePlan } from '../policy/rule-plan';
import { NETWORK_STATE_KEY, type NetworkRuleState } from '../status/network-state';
import type { NetworkPort, WorkerPorts } from './ports';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Adds `rules`, splitting a refused batch until each refused rule stands alone. Returns how many
 * were added and the browser's reasons for the rest.
 */
async function addWhatFits(
  network: NetworkPort,
  rules: DnrRule[],
  errors: Set<string>,
): Promise<{ added: number; refused: number }> {
  if (rules.length === 0) return { added: 0, refused: 0 };
  try {
    await network.dynamic.updateRules({ addRules: rules });
    return { added: rules.length, refused: 0 };
  } catch (error) {
    if (rules.length === 1) {
      errors.add(message(error));
      return { added: 0, refused: 1 };
    }
    const half = Math.ceil(rules.length / 2);
    const first = await addWhatFits(network, rules.slice(0, half), errors);
    const second = await addWhatFits(network, rules.slice(half), errors);
    return { added: first.added + second.added, refused: first.refused + second.refused };
  }
}

/**
 * Plans within `budget`, shortening path regexes when the browser says it cannot compile one
 * (the planner's cost model is calibrated on Chromium 156; another version may differ).
 */
async function planThatCompiles(
  ports: WorkerPorts,
  policy: CompiledPolicy,
  errors: Set<string>,
): Promise<{ plan: RulePlan; refusals: number }> {
  const blockedPage = ports.extensionUrl('/blocked.html');
  let current: RuleBudget = ports.network.budget();
  let plan = planNetworkRules(policy, blockedPage, current);
  let refusals = 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    const refused = await ports.network.unsupportedRegexes(plan.rules);
    if (refused.length === 0) return { plan, refusals };
    refusals += refused.length;
    if (attempt === 3) errors.add(`regex not supported by this browser: ${refused[0] ?? ''}`);
    const limit = current.maxRegexPathChars ?? 64;
    current = { ...current, maxRegexPathChars: Math.max(4, Math.floor((limit * 2) / 3)) };
    plan = planNetworkRules(policy, blockedPage, current);
  }
  return { plan, refusals };
}

/** Replaces Signpost's dynamic rules with the ones for `policy`; never throws. */
export async function syncBlockRules(
  ports: WorkerPorts,
  policy: CompiledPolicy,
  policyHash: string | null,
): Promise<NetworkRuleState> {
  const { network } = ports;
  const started = ports.now();
  const errors = new Set<string>();
  let plan: RulePlan | undefined;
  let installed = 0;
  let refused = 0;
  let regexRefusals = 0;
  try {
    ({ plan, refusals: regexRefusals } = await planThatCompiles(ports, policy, errors));
    const rules = network.adapt(plan.rules);
    const existing = (await network.dynamic.getRules()).map((rule) => rule.id);
    try {
      await network.dynamic.updateRules({ removeRuleIds: existing, addRules: rules });
      installed = rules.length;
    } catch (error) {
      errors.add(message(error));
      // Never leave the previous policy's rules in force: remove them, then add what fits.
      await network.dynamic.updateRules({ removeRuleIds: existing });
      ({ added: installed, refused } = await addWhatFits(network, rules, errors));
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
    durationMs: ports.now() - started,
  };
  await ports.local.set({ [NETWORK_STATE_KEY]: state }).catch(() => undefined);
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
