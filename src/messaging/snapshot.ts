/**
 * What the worker stores in `storage.local` for the content script, which decides from it without
 * waiting on the worker: the compiled policy, the UI strings in the policy's language, and the
 * employee's acknowledgements. Written only by the worker; read back defensively.
 */
import type { CompiledPolicy } from '../policy/compile';
import type { EffectivePolicy } from '../policy/effective';

/** Storage keys in `storage.local`. */
export const SNAPSHOT_KEY = 'snapshot';
export const ACKNOWLEDGED_KEY = 'acknowledged';

export type PolicySnapshot = {
  formatVersion: 1;
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

/** Builds the snapshot of an effective policy. */
export function toSnapshot(
  effective: EffectivePolicy,
  appliedAt: number,
  strings: { language: string; messages: Record<string, string> },
): PolicySnapshot {
  return {
    formatVersion: 1,
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

/** The stored snapshot if it has the shape this build writes; null otherwise (e.g. after an update). */
export function readSnapshot(value: unknown): PolicySnapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const snapshot = value as Partial<PolicySnapshot>;
  const apps = snapshot.compiled?.apps;
  return snapshot.formatVersion === 1 &&
    Array.isArray(apps) &&
    typeof snapshot.messages === 'object'
    ? (snapshot as PolicySnapshot)
    : null;
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
