/**
 * Engine vs network rules on one URL, as the employee would live it: the rules decide whether the
 * page request leaves the browser; a page sent to the block page is then decided by the engine
 * there (shown as blocked, or released and loaded). Shared by the unit, fuzz and E2E tests.
 */
import { compilePolicy, type CompiledPolicy } from '../../src/policy/compile';
import { createMatcher, decide, type Matcher } from '../../src/policy/decide';
import { parsePolicy } from '../../src/policy/parse';
import { planNetworkRules, type RuleBudget, type RulePlan } from '../../src/policy/rule-plan';
import { frameOutcome } from '../../src/policy/dnr-match';

export const BLOCKED_PAGE = 'chrome-extension://iibcgklibnmbknlhgijglbbcalghaboe/blocked.html';

export type Planned = { compiled: CompiledPolicy; matcher: Matcher; plan: RulePlan };

/** Parses, compiles and plans a raw policy document. */
export function planFor(raw: unknown, budget: RuleBudget): Planned {
  const { policy } = parsePolicy(raw);
  if (!policy) throw new Error('policy unusable');
  const compiled = compilePolicy(policy, { isBuiltInDefault: false });
  return {
    compiled,
    matcher: createMatcher(compiled.apps),
    plan: planNetworkRules(compiled, BLOCKED_PAGE, budget),
  };
}

/** Whether the path of a URL holds a percent-escape of an unreserved character. */
export const hasUnreservedEscape = (url: string): boolean => {
  try {
    return /%(?:3[0-9]|[46][1-9a-f]|[57][0-9a]|2[de]|5f|7e)/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
};

export type Verdict =
  | 'agree'
  /** The rules let a page the engine blocks reach its server. */
  | 'under-block'
  /** The rules sent a page the engine allows to the block page, which let it through. */
  | 'released'
  /** A page request failed outright instead of showing the block page. */
  | 'failed';

/** Compares the engine and the rules (with the block page's check) on one URL. */
export function compare(planned: Planned, url: string): Verdict {
  const isBlocked = decide(planned.matcher, url).action === 'block';
  const outcome = frameOutcome(planned.plan.rules, url);
  if (outcome === 'blocked') return 'failed';
  if (isBlocked) return outcome === 'block-page' ? 'agree' : 'under-block';
  return outcome === 'block-page' ? 'released' : 'agree';
}
