/**
 * The compiled policy as stored in `storage.local` for the content script, which decides from it
 * without waiting on the worker. Written only by the worker; read back defensively.
 */
import type { CompiledPolicy } from '../policy/compile';
import type { EffectivePolicy } from '../policy/effective';

/** Storage key of the snapshot in `storage.local`. */
export const SNAPSHOT_KEY = 'snapshot';

export type PolicySnapshot = {
  formatVersion: 1;
  compiled: CompiledPolicy;
  source: EffectivePolicy['source'];
  receivedAt?: number;
  hash?: string;
  fallbackReason?: EffectivePolicy['fallbackReason'];
  issues: EffectivePolicy['issues'];
  appliedAt: number;
};

/** Builds the snapshot of an effective policy. */
export function toSnapshot(effective: EffectivePolicy, appliedAt: number): PolicySnapshot {
  return {
    formatVersion: 1,
    compiled: effective.compiled,
    source: effective.source,
    ...(effective.receivedAt === undefined ? {} : { receivedAt: effective.receivedAt }),
    ...(effective.hash === undefined ? {} : { hash: effective.hash }),
    ...(effective.fallbackReason === undefined ? {} : { fallbackReason: effective.fallbackReason }),
    issues: effective.issues,
    appliedAt,
  };
}

/** The stored snapshot if it has the shape this build writes; null otherwise (e.g. after an update). */
export function readSnapshot(value: unknown): PolicySnapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const snapshot = value as Partial<PolicySnapshot>;
  const apps = snapshot.compiled?.apps;
  return snapshot.formatVersion === 1 && Array.isArray(apps) ? (snapshot as PolicySnapshot) : null;
}
