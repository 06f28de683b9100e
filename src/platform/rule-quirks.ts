/**
 * Browser differences of declarativeNetRequest, in one place:
 * - Firefox (measured in Firefox ESR 153) rejects the whole updateDynamicRules/updateSessionRules
 *   call when a rule names a resource type it does not know (webtransport, webbundle), which once
 *   left every block to the content script.
 * - Limits: Chromium allows 30,000 dynamic rules (5,000 of them redirects) and 1,000 regex rules
 *   for dynamic and session rules together, each regex within 2 KB of RE2 memory; Firefox allows
 *   5,000 dynamic rules and 1,000 regex rules, and compiles regexes as JavaScript (no memory
 *   limit). The browser's own constants are read where it exposes them.
 */
import { browser } from 'wxt/browser';
import {
  CHROMIUM_ONLY_RESOURCE_TYPES,
  withoutResourceTypes,
  type DnrRule,
} from '../policy/dnr-rules';
import { CHROMIUM_BUDGET, FIREFOX_BUDGET, type RuleBudget } from '../policy/rule-plan';

/** Regex rules kept free for session rules (continue anyway, releases may need one). */
const SESSION_REGEX_RESERVE = 50;

type DnrLimits = {
  MAX_NUMBER_OF_DYNAMIC_RULES?: number;
  MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES?: number;
  MAX_NUMBER_OF_REGEX_RULES?: number;
  isRegexSupported?: (options: {
    regex: string;
    isCaseSensitive?: boolean;
    requireCapturing?: boolean;
  }) => Promise<{ isSupported: boolean; reason?: string }>;
};

const api = () => browser.declarativeNetRequest as unknown as DnrLimits;

/** `rules` in the form this browser accepts. */
export function forThisBrowser(rules: DnrRule[]): DnrRule[] {
  return withoutResourceTypes(rules, import.meta.env.FIREFOX ? CHROMIUM_ONLY_RESOURCE_TYPES : []);
}

/** This browser's rule budget. */
export function ruleBudget(): RuleBudget {
  const base = import.meta.env.FIREFOX ? FIREFOX_BUDGET : CHROMIUM_BUDGET;
  const limits = api();
  const regex = limits.MAX_NUMBER_OF_REGEX_RULES;
  return {
    ...base,
    maxRules: limits.MAX_NUMBER_OF_DYNAMIC_RULES ?? base.maxRules,
    maxUnsafeRules:
      limits.MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES ??
      limits.MAX_NUMBER_OF_DYNAMIC_RULES ??
      base.maxUnsafeRules,
    maxRegexRules: regex === undefined ? base.maxRegexRules : regex - SESSION_REGEX_RESERVE,
  };
}

/**
 * The regexes among `rules` this browser says it cannot compile (Chromium: `memoryLimitExceeded`).
 * Firefox compiles JavaScript regexes without such a limit: nothing to ask there.
 */
export async function unsupportedRegexes(rules: readonly DnrRule[]): Promise<string[]> {
  const check = api().isRegexSupported;
  if (!check || import.meta.env.FIREFOX) return [];
  const regexes = [
    ...new Set(rules.flatMap((r) => (r.condition.regexFilter ? [r.condition.regexFilter] : []))),
  ];
  const answers = await Promise.all(
    regexes.map((regex) =>
      check({ regex, isCaseSensitive: false, requireCapturing: true }).then(
        (answer) => (answer.isSupported ? null : regex),
        () => null,
      ),
    ),
  );
  return answers.filter((regex): regex is string => regex !== null);
}
