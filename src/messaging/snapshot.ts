/**
 * What the worker stores in `storage.local` for the content script, which decides from it without
 * waiting on the worker: the compiled policy, the UI strings in the policy's language, and the
 * employee's acknowledgements. Written only by the worker; read back defensively.
 */
import { compactPolicy, expandPolicy, type StoredPolicy } from '../policy/compact';
import type { CompiledPolicy } from '../policy/compile';
import type { EffectivePolicy } from '../policy/effective';

/** Storage keys in `storage.local`. */
export const SNAPSHOT_KEY = 'snapshot';
export const ACKNOWLEDGED_KEY = 'acknowledged';

/** The snapshot as the worker built it and readers get it back (`readSnapshot`). */
export type PolicySnapshot = {
  formatVersion: 2;
  compiled: CompiledPolicy;
  source: EffectivePolicy['source'];
  receivedAt?: number;
  hash?: string;
  fallbackReason?: EffectivePolicy['fallbackReason'];
  issues: EffectivePolicy['issues'];
  appliedAt: number;
  /** UI language chosen from the policy's `locale` and the browser. */
  language: string;
  /** Message name → text in that language (`$1` substitution slots). */
  messages: Record<string, string>;
};

/** App id → time (epoch ms) until which the employee has acknowledged its warning. */
export type Acknowledgements = Record<string, number>;

/** The snapshot as stored: the compiled policy in its compact form (compact.ts). */
export type StoredSnapshot = Omit<PolicySnapshot, 'compiled'> & { compiled: StoredPolicy };

/** Builds the snapshot of an effective policy. */
export function toSnapshot(
  effective: EffectivePolicy,
  appliedAt: number,
  strings: { language: string; messages: Record<string, string> },
): PolicySnapshot {
  return {
    formatVersion: 2,
    compiled: effective.compiled,
    source: effective.source,
    ...(effective.receivedAt === undefined ? {} : { receivedAt: effective.receivedAt }),
    ...(effective.hash === undefined ? {} : { hash: effective.hash }),
    ...(effective.fallbackReason === undefined ? {} : { fallbackReason: effective.fallbackReason }),
    issues: effective.issues,
    appliedAt,
    language: strings.language,
    messages: strings.messages,
  };
}

/** What is written to `storage.local`. */
export function toStoredSnapshot(snapshot: PolicySnapshot): StoredSnapshot {
  return { ...snapshot, compiled: compactPolicy(snapshot.compiled) };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const SOURCES = new Set(['managed', 'url', 'last-known-good', 'default']);
const isIssue = (value: unknown) =>
  isObject(value) &&
  typeof value.path === 'string' &&
  typeof value.code === 'string' &&
  (value.severity === 'error' || value.severity === 'warning') &&
  typeof value.message === 'string';

/**
 * The stored snapshot, expanded, if every field has the shape this build writes; null otherwise
 * (an older build's record, a corrupt one): readers then ask the worker to apply the policy again.
 */
export function readSnapshot(value: unknown): PolicySnapshot | null {
  if (!isObject(value) || value.formatVersion !== 2) return null;
  const { source, issues, appliedAt, language, messages } = value;
  if (
    !SOURCES.has(source as string) ||
    !Array.isArray(issues) ||
    !issues.every(isIssue) ||
    typeof appliedAt !== 'number' ||
    typeof language !== 'string' ||
    !isObject(messages) ||
    !Object.values(messages).every((text) => typeof text === 'string') ||
    (value.hash !== undefined && typeof value.hash !== 'string') ||
    (value.receivedAt !== undefined && typeof value.receivedAt !== 'number')
  )
    return null;
  const compiled = expandPolicy(value.compiled);
  return compiled ? { ...(value as StoredSnapshot), compiled } : null;
}

/** The stored acknowledgements, keeping only well-formed entries. */
export function readAcknowledgements(value: unknown): Acknowledgements {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

/** Whether the employee's acknowledgement of `appId` still hides its warning at `now`. */
export function isAcknowledged(
  acknowledgements: Acknowledgements,
  appId: string,
  now: number,
): boolean {
  return (acknowledgements[appId] ?? 0) > now;
}
