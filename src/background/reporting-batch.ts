/**
 * A fleet report from what is pending: the OTLP metrics request (day-bucket counts, one gauge per
 * report, what was dropped) and, with `reporting.events`, the logs request. The resource says which
 * Signpost, browser and policy sent it, and nothing about who. Pure.
 */
import type { Installation } from '../status/diagnostics';
import { counter, gauge, logsRequest, metricsRequest, type CountPoint } from '../status/otlp';
import { DAY, dayOf, SEPARATOR, type Batch, type Pending } from './reporting-store';

/** What the batch needs to know beside the pending data. */
export type BatchContext = {
  events: boolean;
  hash: string;
  source: string;
  installation: Installation;
};

/** The batch for `pending` at `now`, or null when there is nothing to report. */
export function buildBatch(pending: Pending, context: BatchContext, now: number): Batch | null {
  const today = dayOf(now);
  const heartbeat = pending.lastHeartbeatDay !== today;
  const minute = Math.floor(now / 60_000) * 60_000;
  const points: CountPoint[] = pending.buckets.flatMap((bucket) =>
    Object.entries(bucket.counts).map(([key, count]) => {
      const [appId = '', action = '', outcome = ''] = key.split(SEPARATOR);
      return {
        attributes: { 'app.id': appId, 'signpost.action': action, 'signpost.outcome': outcome },
        // Day-level buckets only: a report never says when in the day something happened.
        startMs: bucket.startDay * DAY,
        endMs: Math.min((bucket.endDay + 1) * DAY, minute),
        count,
      };
    }),
  );
  const { dropped } = pending;
  if (
    points.length === 0 &&
    pending.events.length === 0 &&
    !heartbeat &&
    dropped.pages + dropped.events === 0
  )
    return null;
  const [family = 'unknown', major = ''] = context.installation.browser.split(' ');
  const resource = {
    'service.name': 'signpost',
    'service.version': context.installation.version,
    'browser.name': family,
    'browser.version': major,
    'signpost.policy.source': context.source,
    'signpost.policy.hash': context.hash,
  };
  const droppedPoints = (['pages', 'events'] as const)
    .filter((kind) => dropped[kind] > 0)
    .map((kind) => ({
      attributes: { kind },
      startMs: today * DAY,
      endMs: minute,
      count: dropped[kind],
    }));
  const metrics = [
    counter(
      'signpost.pages',
      'Pages of apps Signpost acted on, by app, action and outcome',
      points,
    ),
    gauge(
      'signpost.reports',
      'One per report: the resource says which policy this browser runs',
      1,
      minute,
    ),
    ...(droppedPoints.length > 0
      ? [
          counter(
            'signpost.report.dropped',
            'Counts and events dropped while the collector could not be reached',
            droppedPoints,
          ),
        ]
      : []),
  ];
  const logs =
    context.events && pending.events.length > 0
      ? logsRequest(
          resource,
          pending.events.map((event) => ({
            timeMs: event.timeMs,
            attributes: {
              'app.id': event.appId,
              'signpost.action': event.action,
              'signpost.outcome': event.outcome,
              ...(event.reasonId ? { 'signpost.reason.id': event.reasonId } : {}),
            },
          })),
        )
      : null;
  return {
    createdAt: now,
    metrics: metricsRequest(resource, metrics),
    logs,
    metricsDelivered: false,
    logsDelivered: false,
  };
}
