/**
 * The central policy document (`policyUrl`) and managed storage, together (policy contract,
 * "Where the policy comes from"): the fetched document is the base, and every top-level key set in
 * managed storage overrides it. What only managed storage may set — where to fetch from, which
 * keys must sign it, and the collector's headers (an API key) — is never taken from the document,
 * so a compromised intranet server can neither point browsers elsewhere nor switch checks off.
 * Pure.
 */
import type { PolicyIssue } from './issues';

/** Top-level keys only read from managed storage. */
export const MANAGED_ONLY_KEYS: readonly string[] = ['policyUrl', 'policyPublicKeys'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a merged key came from. */
export type KeyOrigin = 'managed' | 'url';

/**
 * Merges `fetched` (the document at `policyUrl`) under `managed`. Returns the merged document,
 * the origin of each top-level key, and an issue for each key the document may not set.
 */
export function mergePolicySources(
  managed: Record<string, unknown>,
  fetched: Record<string, unknown>,
): { document: Record<string, unknown>; origins: Map<string, KeyOrigin>; issues: PolicyIssue[] } {
  const issues: PolicyIssue[] = [];
  const base: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fetched)) {
    if (MANAGED_ONLY_KEYS.includes(key)) {
      issues.push({
        path: key,
        code: 'unknown-key',
        severity: 'warning',
        message: 'only read from managed storage, never from the policyUrl document',
        effect: 'ignored',
        source: 'url',
      });
      continue;
    }
    if (key === 'reporting' && isObject(value) && 'headers' in value) {
      const rest = Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'headers'));
      issues.push({
        path: 'reporting.headers',
        code: 'unknown-key',
        severity: 'warning',
        message: 'only read from managed storage, never from the policyUrl document',
        effect: 'ignored',
        source: 'url',
      });
      base[key] = rest;
      continue;
    }
    base[key] = value;
  }
  const origins = new Map<string, KeyOrigin>();
  for (const key of Object.keys(base)) origins.set(key, 'url');
  for (const key of Object.keys(managed)) origins.set(key, 'managed');
  return { document: { ...base, ...managed }, origins, issues };
}

/** The top-level key a path such as `rules[2].action` or `organization.name` starts with. */
export const topKey = (path: string): string => /^[^.[]*/.exec(path)?.[0] ?? path;
