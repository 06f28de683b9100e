/**
 * What the worker last did with the network rules, as the status page and diagnostics show it.
 * Written by the platform adapter after every install; pure type and wording helpers here.
 */
import { z } from 'zod';
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

const count = z.int().min(0);

/** The record's shape, checked when it is read back and when a page receives it. */
export const NetworkRuleStateSchema = z.object({
  status: z.enum(['ok', 'degraded', 'failed']),
  policyHash: z.string().nullable(),
  plannedRules: count,
  installedRules: count,
  refusedRules: count,
  regexRefusals: count,
  summary: z.object({
    blockedPatterns: count,
    layers: count,
    regexRules: count,
    redirectRules: count,
    isExact: z.boolean(),
    sharedPathPatterns: count,
    shortenedPathPatterns: count,
    releasedAllowPatterns: count,
    unblockedSubresourcePatterns: count,
  }),
  errors: z.array(z.string()),
  appliedAt: z.number(),
  durationMs: z.number(),
}) satisfies z.ZodType<NetworkRuleState>;

/** The stored state if it has this build's shape; null otherwise. */
export function readNetworkState(value: unknown): NetworkRuleState | null {
  const parsed = NetworkRuleStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
