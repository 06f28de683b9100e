/**
 * Managed storage → parse → last-known-good → snapshot for the content script, network rules and
 * content-script registrations. Calls are queued so two never interleave.
 */
import { browser } from 'wxt/browser';
import {
  ACKNOWLEDGED_KEY,
  isAcknowledged,
  readAcknowledgements,
  readSnapshot,
  SNAPSHOT_KEY,
  toSnapshot,
  toStoredSnapshot,
  type PolicySnapshot,
} from '../messaging/snapshot';
import type { CompiledPolicy } from '../policy/compile';
import { resolvePolicy } from '../policy/effective';
import { syncCustomAppScripts, syncEarlyWarnings } from '../platform/custom-app-scripts';
import { loadLastKnownGood, saveLastKnownGood } from '../platform/database';
import { pruneEvents } from '../platform/event-log';
import { loadStrings } from '../platform/locales';
import { readManagedPolicy } from '../platform/managed-policy';
import { syncBlockRules } from '../platform/network-rules';

let queue: Promise<unknown> = Promise.resolve();

/** Reads, validates and applies the policy; resolves to the stored snapshot. */
export function applyPolicy(): Promise<PolicySnapshot> {
  const run = queue
    .catch(() => undefined)
    .then(async () => {
      const [managed, lastKnownGood] = await Promise.all([
        readManagedPolicy(),
        loadLastKnownGood(),
      ]);
      const { effective, save } = resolvePolicy(managed, lastKnownGood, Date.now());
      if (save) await saveLastKnownGood(save);
      // Retention applies at once, also when it was lowered or set to 0 (no log at all).
      await pruneEvents(effective.compiled.eventLogRetentionDays, Date.now());
      const snapshot = toSnapshot(
        effective,
        Date.now(),
        await loadStrings(effective.policy.locale),
      );
      await browser.storage.local.set({ [SNAPSHOT_KEY]: toStoredSnapshot(snapshot) });
      await Promise.all([
        // Never throws: what the browser refused is recorded for the status page.
        syncBlockRules(effective.compiled, effective.hash ?? null),
        syncCustomAppScripts(effective.compiled).catch((error: unknown) =>
          console.error('Signpost: content scripts', error),
        ),

        syncEarly(effective.compiled),
      ]);
      return snapshot;
    });
  queue = run;
  return run;
}

/** The stored snapshot, applying the policy first if there is none yet. */
export async function currentSnapshot(): Promise<PolicySnapshot> {
  const items = await browser.storage.local.get(SNAPSHOT_KEY);
  return readSnapshot(items[SNAPSHOT_KEY]) ?? applyPolicy();
}

/**
 * Registers the early-warning script on the pages whose warning is due now (not acknowledged).
 * Called on every policy change, acknowledgement and page report, so an expired acknowledgement
 * is picked up on the next page the employee opens. Never throws.
 */
export async function syncEarly(compiled?: CompiledPolicy): Promise<void> {
  try {
    const policy = compiled ?? (await currentSnapshot()).compiled;
    const acknowledged = readAcknowledgements(
      (await browser.storage.local.get(ACKNOWLEDGED_KEY))[ACKNOWLEDGED_KEY],
    );
    const now = Date.now();
    await syncEarlyWarnings(policy, (appId) => isAcknowledged(acknowledged, appId, now));
  } catch (error) {
    console.error('Signpost: early warnings', error);
  }
}
