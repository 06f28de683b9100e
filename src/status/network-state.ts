/**
 * What the worker last did with the network rules, as the status page and diagnostics show it.
 * Written by the platform adapter after every install; pure type and wording helpers here.
 */
import type { RulePlan } from '../policy/rule-plan';

/**
 * `ok`: every planned rule is in force. `degraded`: the browser refused some rules (named in
 * `errors`); pages those rules would have stopped are caught by the content script after their
 * request. `failed`: no rule is in force.
 */
export type NetworkRuleStatus = 'ok' | 'degraded' | 'failed';

export type NetworkRuleState = {
  status: NetworkRuleStatus;
  /** Hash of the policy the rules were planned for. */
  policyHash: string | null;
  plannedRules: number;
  installedRules: number;
  refusedRules: number;
  /** Regexes the browser said it could not compile, planned again shorter before installing. */
  regexRefusals: number;
  summary: RulePlan['summary'];
  /** The browser's own error messages, deduplicated, at most 10. */
  errors: string[];
  appliedAt: number;
  durationMs: number;
};

/** Storage key in `storage.local`. */
export const NETWORK_STATE_KEY = 'networkRules';

/** The stored state if it has this build's shape; null otherwise. */
export function readNetworkState(value: unknown): NetworkRuleState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Partial<NetworkRuleState>;
  return typeof state.status === 'string' &&
    typeof state.installedRules === 'number' &&
    Array.isArray(state.errors) &&
    typeof state.summary === 'object'
    ? (state as NetworkRuleState)
    : null;
}
