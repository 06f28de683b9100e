/**
 * What fleet reporting keeps until it is delivered (IndexedDB, `reporting` store): counts per UTC
 * day bucket and, with `reporting.events`, the events; bounded as reporting.ts describes. Pure
 * record shapes and their rules; the service reads and writes them.
 */
import type { EventRecord } from '../status/event-record';

export const MAX_BUCKETS = 30;
const MAX_BUCKET_DAYS = 31;
const MAX_EVENTS = 1000;
export const DAY = 86_400_000;

export type Bucket = { startDay: number; endDay: number; counts: Record<string, number> };
export type PendingEvent = {
  timeMs: number;
  appId: string;
  action: string;
  outcome: string;
  reasonId?: string;
};
export type Pending = {
  buckets: Bucket[];
  events: PendingEvent[];
  dropped: { pages: number; events: number };
  lastHeartbeatDay: number | null;
};
export type Batch = {
  createdAt: number;
  metrics: unknown;
  logs: unknown;
  metricsDelivered: boolean;
  logsDelivered: boolean;
};

export const emptyPending = (): Pending => ({
  buckets: [],
  events: [],
  dropped: { pages: 0, events: 0 },
  lastHeartbeatDay: null,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function toPending(value: unknown): Pending {
  if (!isObject(value) || !Array.isArray(value.buckets) || !Array.isArray(value.events))
    return emptyPending();
  const dropped = isObject(value.dropped) ? value.dropped : {};
  return {
    buckets: value.buckets.filter(
      (b): b is Bucket =>
        isObject(b) &&
        typeof b.startDay === 'number' &&
        typeof b.endDay === 'number' &&
        isObject(b.counts),
    ),
    events: value.events.filter(
      (e): e is PendingEvent => isObject(e) && typeof e.timeMs === 'number',
    ),
    dropped: {
      pages: typeof dropped.pages === 'number' ? dropped.pages : 0,
      events: typeof dropped.events === 'number' ? dropped.events : 0,
    },
    lastHeartbeatDay: typeof value.lastHeartbeatDay === 'number' ? value.lastHeartbeatDay : null,
  };
}

export const isBatch = (value: unknown): value is Batch =>
  isObject(value) &&
  typeof value.createdAt === 'number' &&
  typeof value.metricsDelivered === 'boolean';

export const dayOf = (ms: number) => Math.floor(ms / DAY);
export const SEPARATOR = '\t';

/** Keeps pending data within its bounds; see the module comment. */
export function bound(pending: Pending): void {
  pending.buckets.sort((a, b) => a.startDay - b.startDay);
  while (pending.buckets.length > MAX_BUCKETS) {
    const [oldest, next] = pending.buckets;
    if (!oldest || !next) break;
    if (next.endDay - oldest.startDay + 1 > MAX_BUCKET_DAYS) {
      pending.dropped.pages += Object.values(oldest.counts).reduce((a, b) => a + b, 0);
      pending.buckets.shift();
      continue;
    }
    const counts = { ...oldest.counts };
    for (const [key, count] of Object.entries(next.counts))
      counts[key] = (counts[key] ?? 0) + count;
    pending.buckets.splice(0, 2, { startDay: oldest.startDay, endDay: next.endDay, counts });
  }
  const excess = pending.events.length - MAX_EVENTS;
  if (excess > 0) {
    pending.events.splice(0, excess);
    pending.dropped.events += excess;
  }
}

/** Adds one event to `pending` (its day's bucket, and the event itself when `withEvents`). */
export function addEvent(pending: Pending, event: EventRecord, withEvents: boolean): void {
  const day = dayOf(event.time);
  let bucket = pending.buckets.find((b) => b.startDay === day && b.endDay === day);
  if (!bucket) {
    bucket = { startDay: day, endDay: day, counts: {} };
    pending.buckets.push(bucket);
  }
  const key = [event.appId, event.action, event.outcome].join(SEPARATOR);
  bucket.counts[key] = (bucket.counts[key] ?? 0) + 1;
  if (withEvents)
    pending.events.push({
      timeMs: Math.floor(event.time / 60_000) * 60_000,
      appId: event.appId,
      action: event.action,
      outcome: event.outcome,
      ...(event.reasonId ? { reasonId: event.reasonId } : {}),
    });
  bound(pending);
}
