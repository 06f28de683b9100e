/**
 * Fleet reports into the organisation's own OpenTelemetry pipeline (policy contract,
 * `reporting.*`): off unless `reporting.url` is set. Counts per UTC day of pages warned, blocked,
 * acknowledged, alternative opened and continued past a block, by app and action; one gauge per
 * report whose resource says which Signpost, browser and policy (hash, source) sent it; with
 * `reporting.events`, one log record per event (time to the minute). Nothing else: no address,
 * user, device id or typed text.
 *
 * Delivery: at most every `reporting.intervalMinutes` (at this browser's offset), the pending
 * counts are frozen into a batch kept in IndexedDB until the collector answers 2xx; a failure is
 * retried with exponential backoff and jitter (Retry-After honoured for 429/503), the same batch
 * again, so nothing is lost offline or across restarts and nothing acknowledged is sent twice.
 * Pending data is bounded: past 30 day buckets the oldest are merged, past 31 days dropped, and
 * past 1,000 events the oldest go; what was dropped is itself reported.
 */
import { parsePolicy } from '../policy/parse';
import type { EventRecord } from '../status/event-record';
import { buildBatch } from './reporting-batch';
import { addEvent, dayOf, emptyPending, isBatch, toPending, type Batch } from './reporting-store';
import {
  REPORTING_STATE_KEY,
  readReportingState,
  type ReportingState,
} from '../status/reporting-state';
import { browserOffset, nextRun } from './policy-fetch';
import type { PolicyService } from './policy-service';
import type { WorkerPorts } from './ports';

export const REPORT_ALARM = 'signpost-report';
export const RETRY_ALARM = 'signpost-report-retry';
const PENDING = 'pending';
const BATCH = 'batch';
const TIMEOUT_MS = 10_000;

/** How long to wait before retrying: exponential with jitter, at least what Retry-After asks. */
export function retryDelay(
  attempts: number,
  random: number,
  retryAfter: string | undefined,
  now: number,
): number {
  const backoff =
    Math.min(6 * 60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1)) * (0.5 + random);
  if (!retryAfter) return backoff;
  const seconds = Number(retryAfter);
  const asked = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
  return Number.isFinite(asked) ? Math.max(backoff, Math.min(asked, 24 * 60 * 60_000)) : backoff;
}

/** The reporting service on `ports`. */
export type Reporting = ReturnType<typeof createReporting>;

export function createReporting(ports: WorkerPorts, policy: PolicyService) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.catch(() => undefined).then(task);
    queue = run;
    return run;
  };
  const read = async (key: string) => {
    const record = await ports.database.readRecord('reporting', key);
    return record.ok ? record.value : null;
  };
  const readState = async () =>
    readReportingState(await ports.local.get(REPORTING_STATE_KEY).catch(() => undefined));
  const writeState = (state: ReportingState) =>
    ports.local.set({ [REPORTING_STATE_KEY]: state }).catch(() => undefined);

  /** What the policy in force says (the collector's headers only from managed storage). */
  const config = async () => {
    const { compiled, hash, source } = await policy.current();
    const headers = parsePolicy(await ports.readManaged()).policy?.reporting.headers ?? {};
    return { ...compiled.reporting, headers, hash: hash ?? 'built-in', source };
  };

  /** Turns what is pending into a batch kept until delivered (null when there is nothing to say). */
  const freeze = async (cfg: Awaited<ReturnType<typeof config>>): Promise<Batch | null> => {
    const pending = toPending(await read(PENDING));
    const now = ports.now();
    const batch = buildBatch(pending, { ...cfg, installation: await ports.installation() }, now);
    if (!batch) return null;
    // The batch first, then the emptied pending record: a crash in between resends, never loses.
    await ports.database.writeRecord('reporting', BATCH, batch);
    await ports.database.writeRecord('reporting', PENDING, {
      ...emptyPending(),
      lastHeartbeatDay: dayOf(now),
    });
    return batch;
  };

  const post = async (url: string, headers: Record<string, string>, body: unknown) => {
    const response = await ports.http({
      url,
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      maxBytes: 64 * 1024,
      timeoutMs: TIMEOUT_MS,
    });
    return response;
  };

  return {
    /** Counts one event for the next report (nothing when reporting is off). Never throws. */
    record(event: EventRecord, reporting: { url?: string; events: boolean }): Promise<void> {
      if (!reporting.url) return Promise.resolve();
      return serial(async () => {
        const pending = toPending(await read(PENDING));
        addEvent(pending, event, reporting.events);
        await ports.database.writeRecord('reporting', PENDING, pending);
      }).catch(() => undefined);
    },

    /**
     * Sends what is due: the batch in flight, else a new one. Never throws; a failure schedules a
     * retry. Without `reporting.url`, deletes anything pending (reporting was turned off).
     */
    deliver(options: { force?: boolean } = {}): Promise<ReportingState> {
      return serial(async () => {
        const cfg = await config();
        const state = await readState();
        if (!cfg.url) {
          await ports.database.writeRecord('reporting', PENDING, null);
          await ports.database.writeRecord('reporting', BATCH, null);
          const off: ReportingState = { destination: null, attempts: 0 };
          await writeState(off);
          return off;
        }
        const now = ports.now();
        // A retry waits for its time (Retry-After, backoff) unless the helpdesk asks now.
        if (
          !options.force &&
          state.nextAttemptAt !== undefined &&
          state.nextAttemptAt > now &&
          state.destination === cfg.url
        )
          return state;
        const stored = await read(BATCH);
        const batch = isBatch(stored) ? stored : await freeze(cfg);
        if (!batch) return { ...state, destination: cfg.url };
        const base = cfg.url.replace(/\/+$/, '');
        try {
          for (const [signal, body] of [
            ['metrics', batch.metrics],
            ['logs', batch.logs],
          ] as const) {
            if (
              body === null ||
              (signal === 'metrics' ? batch.metricsDelivered : batch.logsDelivered)
            )
              continue;
            const response = await post(`${base}/v1/${signal}`, cfg.headers, body);
            if (response.status < 200 || response.status > 299) {
              const retry = retryDelay(
                state.attempts + 1,
                ports.random(),
                response.retryAfter,
                now,
              );
              const failed: ReportingState = {
                ...state,
                destination: cfg.url,
                attempts: state.attempts + 1,
                lastError: {
                  at: now,
                  reason: `the collector answered ${String(response.status)} for /v1/${signal}`,
                },
                nextAttemptAt: now + retry,
              };
              await ports.setAlarm(RETRY_ALARM, now + retry);
              await writeState(failed);
              return failed;
            }
            if (signal === 'metrics') batch.metricsDelivered = true;
            else batch.logsDelivered = true;
            // What was acknowledged is never sent again, even if the next signal fails.
            await ports.database.writeRecord('reporting', BATCH, batch);
          }
        } catch (error) {
          const retry = retryDelay(state.attempts + 1, ports.random(), undefined, now);
          const failed: ReportingState = {
            ...state,
            destination: cfg.url,
            attempts: state.attempts + 1,
            lastError: { at: now, reason: error instanceof Error ? error.message : String(error) },
            nextAttemptAt: now + retry,
          };
          await ports.setAlarm(RETRY_ALARM, now + retry);
          await writeState(failed);
          return failed;
        }
        await ports.database.writeRecord('reporting', BATCH, null);
        const sent: ReportingState = {
          destination: cfg.url,
          attempts: 0,
          lastSentAt: now,
          lastPayload: { metrics: batch.metrics, logs: batch.logs },
          ...(state.lastError ? { lastError: state.lastError } : {}),
        };
        await ports.setAlarm(RETRY_ALARM, null);
        await writeState(sent);
        return sent;
      });
    },

    /** Where reports go under the policy in force, and what was last sent, for the pages. */
    async deliverState(): Promise<ReportingState> {
      const [state, cfg] = await Promise.all([readState(), config()]);
      return { ...state, destination: cfg.url ?? null };
    },

    /** Schedules reports every `intervalMinutes` at this browser's offset (or none when off). */
    async schedule(): Promise<void> {
      const cfg = await config();
      if (!cfg.url) {
        await ports.setAlarm(REPORT_ALARM, null);
        return;
      }
      const offset = await browserOffset(ports);
      await ports.setAlarm(
        REPORT_ALARM,
        nextRun(ports.now(), cfg.intervalMinutes, offset),
        cfg.intervalMinutes,
      );
    },
  };
}
