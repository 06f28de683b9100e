/**
 * Managed storage → parse → last-known-good → snapshot for the content script, network rules and
 * content-script registrations. Applications run one at a time. Every step that can fail is
 * recorded (status/health.ts, status/network-state.ts) and the next steps still run: a full
 * storage or a broken IndexedDB never leaves blocked apps without their network rules.
 */
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
import { customAppMatches, earlyWarningMatches } from '../policy/content-matches';
import { resolvePolicy } from '../policy/effective';
import { HEALTH_KEY, readHealth, type Health, type HealthStep } from '../status/health';
import { syncBlockRules } from './network-rules';
import { createPolicyFetch, type PolicyFetch } from './policy-fetch';
import type { Outcome, WorkerPorts } from './ports';

/** Content-script registration ids. */
export const CUSTOM_APPS_SCRIPT = 'signpost-custom-apps';
export const EARLY_SCRIPT = 'signpost-early';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The worker's policy: applies it, reads it back, keeps the early-warning script in step. */
export type PolicyService = ReturnType<typeof createPolicyService>;

export function createPolicyService(
  ports: WorkerPorts,
  central: PolicyFetch = createPolicyFetch(ports),
) {
  let queue: Promise<unknown> = Promise.resolve();
  /**
   * The last snapshot applied in this worker: used only when storage cannot give one back (a full
   * or broken storage.local, recorded as degraded), so every message does not apply again.
   */
  let lastApplied: PolicySnapshot | undefined;
  /** Likewise the last health record, for when storage.local cannot take it. */
  let lastHealth: Health | undefined;

  /** Records the outcome of `steps` (read-modify-write, inside the apply queue or alone). */
  const recordHealth = async (steps: Partial<Record<HealthStep, Outcome>>) => {
    const health =
      lastHealth ?? readHealth(await ports.local.get(HEALTH_KEY).catch(() => undefined));
    const at = ports.now();
    for (const [step, outcome] of Object.entries(steps) as [HealthStep, Outcome][])
      health[step] = outcome.ok ? { ok: true, at } : { ok: false, error: outcome.error, at };
    lastHealth = health;
    await ports.local.set({ [HEALTH_KEY]: health }).catch(() => undefined);
  };

  /** What the last steps said: this worker's record, else the stored one (after a restart). */
  const health = async (): Promise<Health> =>
    lastHealth ?? readHealth(await ports.local.get(HEALTH_KEY).catch(() => undefined));

  const attempt = async (task: () => Promise<unknown>): Promise<Outcome> => {
    try {
      await task();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: messageOf(error) };
    }
  };

  /**
   * Registers the early-warning script on the pages whose warning is due now (not acknowledged).
   * Called on every policy change, acknowledgement and page report, so an expired
   * acknowledgement is picked up on the next page the employee opens. Never throws.
   */
  const syncEarly = async (compiled?: CompiledPolicy): Promise<Outcome> => {
    const outcome = await attempt(async () => {
      const policy = compiled ?? (await current()).compiled;
      const acknowledged = readAcknowledgements(await ports.local.get(ACKNOWLEDGED_KEY));
      const now = ports.now();
      await ports.scripts.sync(
        EARLY_SCRIPT,
        earlyWarningMatches(policy.apps, (appId) => isAcknowledged(acknowledged, appId, now)),
        'signpost-early.js',
      );
    });
    if (!compiled) await recordHealth({ 'early-warnings': outcome });
    return outcome;
  };

  /** Reads, validates and applies the policy; resolves to the snapshot in force. */
  const apply = (): Promise<PolicySnapshot> => {
    const run = queue
      .catch(() => undefined)
      .then(async () => {
        const [managed, lastKnownGood] = await Promise.all([
          ports.readManaged(),
          ports.database.readLastKnownGood(),
        ]);
        // The last good policyUrl document, with managed storage's keys over it.
        const fetched = await central.document(managed);
        const { effective, save } = resolvePolicy(
          managed,
          lastKnownGood.stored,
          ports.now(),
          fetched,
        );
        const saved = save ? await ports.database.saveLastKnownGood(save) : lastKnownGood;
        // Retention applies at once, also when it was lowered or set to 0 (no log at all).
        const pruned = await ports.database.pruneEvents(
          effective.compiled.eventLogRetentionDays,
          ports.now(),
        );
        const snapshot = toSnapshot(
          effective,
          ports.now(),
          await ports.loadStrings(effective.policy.locale),
        );
        const stored = await attempt(() =>
          ports.local.set({ [SNAPSHOT_KEY]: toStoredSnapshot(snapshot) }),
        );
        const [, scripts, early] = await Promise.all([
          // Never throws: what the browser refused is recorded for the status page.
          syncBlockRules(ports, effective.compiled, effective.hash ?? null),
          attempt(() =>
            ports.scripts.sync(
              CUSTOM_APPS_SCRIPT,
              customAppMatches(effective.compiled.apps),
              'signpost-content.js',
            ),
          ),
          syncEarly(effective.compiled),
        ]);
        lastApplied = snapshot;
        await recordHealth({
          'last-known-good': saved.ok ? { ok: true } : { ok: false, error: saved.error },
          snapshot: stored,
          'event-log': pruned.available
            ? { ok: true }
            : { ok: false, error: 'IndexedDB could not be opened' },
          'custom-app-scripts': scripts,
          'early-warnings': early,
        });
        return snapshot;
      });
    queue = run;
    return run;
  };

  /** The stored snapshot, applying the policy first if there is none (or it is unreadable). */
  const current = async (): Promise<PolicySnapshot> =>
    readSnapshot(await ports.local.get(SNAPSHOT_KEY).catch(() => undefined)) ??
    lastApplied ??
    apply();

  /**
   * Fetches the central policy document now (start, its alarm, a managed change, the helpdesk's
   * button) and applies the policy again when the document changed; schedules the next fetch.
   */
  const refreshCentral = async () => {
    const managed = await ports.readManaged();
    const result = await central.refresh(managed);
    await central.schedule(managed);
    if (result.changed) await apply();
    return result;
  };

  return { apply, current, syncEarly, recordHealth, health, refreshCentral };
}
