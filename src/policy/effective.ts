/**
 * Chooses the policy in force from what managed storage holds now and the last-known-good copy
 * (policy contract, "Where the policy comes from"). Pure: storage is read and written by the caller.
 */
import { compilePolicy, type CompiledPolicy } from './compile';
import type { PolicyIssue } from './issues';
import { parsePolicy } from './parse';
import { mergePolicySources, topKey, type KeyOrigin } from './policy-sources';
import { PolicySchema, type Policy } from './schema';

/**
 * Where the policy in force came from: managed storage alone, a `policyUrl` document with managed
 * storage over it, the last valid policy, or the built-in default.
 */
export type PolicySource = 'managed' | 'url' | 'last-known-good' | 'default';

/** A valid organisation policy as kept in IndexedDB. */
export type StoredPolicy = { policy: Policy; receivedAt: number; hash: string };

/** The policy in force, with everything the status page needs to explain it. */
export type EffectivePolicy = {
  source: PolicySource;
  policy: Policy;
  compiled: CompiledPolicy;
  /** Problems in the current managed document (also when last-known-good is in force). */
  issues: PolicyIssue[];
  receivedAt?: number;
  hash?: string;
  /** Why the last-known-good or default policy is in force instead of the managed one. */
  fallbackReason?: 'no-managed-policy' | 'managed-policy-unusable';
};

/** The built-in default policy: no organisation policy was ever received. */
export const DEFAULT_POLICY: Policy = PolicySchema.parse({});

/** JSON with object keys sorted at every depth: browsers hand policy objects over in any order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}

/**
 * A short, stable content hash (cyrb53, hex) of a JSON-able value, independent of key order
 * (Chrome returns managed objects with sorted keys; the admin's file may have any order), so the
 * status page and the risk report show the same hash for the same policy.
 */
export function hashPolicy(value: unknown): string {
  const text = canonicalJson(value);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0').slice(0, 12);
}

const isEmpty = (raw: unknown) =>
  raw === undefined || raw === null || (typeof raw === 'object' && Object.keys(raw).length === 0);

/**
 * Resolves the policy in force. `fetched` is the last good `policyUrl` document (managed storage's
 * keys override it, policy-sources.ts). `save` is set when the result is usable and differs from
 * the stored last-known-good copy: the caller stores it.
 */
export function resolvePolicy(
  managed: unknown,
  lastKnownGood: StoredPolicy | null,
  now: number,
  fetched: Record<string, unknown> | null = null,
): { effective: EffectivePolicy; save?: StoredPolicy } {
  const fallback = (
    issues: PolicyIssue[],
    fallbackReason: EffectivePolicy['fallbackReason'],
  ): EffectivePolicy =>
    lastKnownGood
      ? {
          source: 'last-known-good',
          policy: lastKnownGood.policy,
          compiled: compilePolicy(lastKnownGood.policy, { isBuiltInDefault: false }),
          issues,
          receivedAt: lastKnownGood.receivedAt,
          hash: lastKnownGood.hash,
          fallbackReason,
        }
      : {
          source: 'default',
          policy: DEFAULT_POLICY,
          compiled: compilePolicy(DEFAULT_POLICY, { isBuiltInDefault: true }),
          issues,
          fallbackReason,
        };

  if (isEmpty(managed)) return { effective: fallback([], 'no-managed-policy') };
  let document = managed;
  let origins: Map<string, KeyOrigin> | undefined;
  const mergeIssues: PolicyIssue[] = [];
  if (fetched && typeof managed === 'object' && !Array.isArray(managed)) {
    const merged = mergePolicySources(managed as Record<string, unknown>, fetched);
    ({ document, origins } = merged);
    mergeIssues.push(...merged.issues);
  }
  const parsed = parsePolicy(document);
  // With a policyUrl document in force, each problem says which of the two holds it.
  const issues = [
    ...mergeIssues,
    ...(origins
      ? parsed.issues.map((issue) => ({
          ...issue,
          source: origins.get(topKey(issue.path)) ?? 'managed',
        }))
      : parsed.issues),
  ];
  const { policy } = parsed;
  if (!policy) return { effective: fallback(issues, 'managed-policy-unusable') };
  const hash = hashPolicy(policy);
  const receivedAt = lastKnownGood?.hash === hash ? lastKnownGood.receivedAt : now;
  const effective: EffectivePolicy = {
    // A policyUrl document is in force (even when managed storage overrides all its keys).
    source: origins ? 'url' : 'managed',
    policy,
    compiled: compilePolicy(policy, { isBuiltInDefault: false }),
    issues,
    receivedAt,
    hash,
  };
  return lastKnownGood?.hash === hash
    ? { effective }
    : { effective, save: { policy, receivedAt, hash } };
}
