/**
 * OTLP/HTTP JSON for Signpost's fleet reports (policy contract, `reporting`): metrics for
 * `<url>/v1/metrics`, events for `<url>/v1/logs`. A small encoder instead of the OpenTelemetry
 * SDK (the SDK's metrics packages would add hundreds of KB to a worker that wakes often, for four
 * metrics); its output is checked against the official OTLP protobuf definitions in
 * tests/unit/status/otlp.test.ts. Follows the protobuf JSON mapping: 64-bit integers as decimal
 * strings, enums as numbers, field names in lowerCamelCase. Pure.
 */

/** An attribute value: text or a whole number. */
export type AttributeValue = string | number;
type KeyValue = { key: string; value: { stringValue: string } | { intValue: string } };

const attributes = (values: Record<string, AttributeValue>): KeyValue[] =>
  Object.entries(values).map(([key, value]) => ({
    key,
    value:
      typeof value === 'number' ? { intValue: String(Math.trunc(value)) } : { stringValue: value },
  }));

const nanos = (ms: number) => `${String(Math.trunc(ms))}000000`;

/** What every report says about where it comes from (no identity: version, browser, policy). */
export type ReportResource = Record<string, AttributeValue>;

/** A count over a time window. */
export type CountPoint = {
  attributes: Record<string, AttributeValue>;
  startMs: number;
  endMs: number;
  count: number;
};

/** `AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA` in the OTLP proto. */
const DELTA = 1;
/** `SeverityNumber.SEVERITY_NUMBER_INFO`. */
const INFO = 9;
const SCOPE = { name: 'signpost' };

/** A delta counter (a Sum) with its data points; `unit` in UCUM annotation form. */
export function counter(
  name: string,
  description: string,
  points: readonly CountPoint[],
  unit = '{page}',
) {
  return {
    name,
    description,
    unit,
    sum: {
      aggregationTemporality: DELTA,
      isMonotonic: true,
      dataPoints: points.map((point) => ({
        attributes: attributes(point.attributes),
        startTimeUnixNano: nanos(point.startMs),
        timeUnixNano: nanos(point.endMs),
        asInt: String(point.count),
      })),
    },
  };
}

/** A gauge with one value now. */
export function gauge(name: string, description: string, value: number, atMs: number) {
  return {
    name,
    description,
    unit: '1',
    gauge: { dataPoints: [{ attributes: [], timeUnixNano: nanos(atMs), asInt: String(value) }] },
  };
}

/** An ExportMetricsServiceRequest. */
export function metricsRequest(
  resource: ReportResource,
  metrics: readonly ReturnType<typeof counter | typeof gauge>[],
) {
  return {
    resourceMetrics: [
      { resource: { attributes: attributes(resource) }, scopeMetrics: [{ scope: SCOPE, metrics }] },
    ],
  };
}

/** One event as a log record. */
export type EventLog = { timeMs: number; attributes: Record<string, AttributeValue> };

/** An ExportLogsServiceRequest. */
export function logsRequest(resource: ReportResource, events: readonly EventLog[]) {
  return {
    resourceLogs: [
      {
        resource: { attributes: attributes(resource) },
        scopeLogs: [
          {
            scope: SCOPE,
            logRecords: events.map((event) => ({
              timeUnixNano: nanos(event.timeMs),
              observedTimeUnixNano: nanos(event.timeMs),
              severityNumber: INFO,
              severityText: 'INFO',
              body: { stringValue: 'signpost.event' },
              attributes: attributes(event.attributes),
            })),
          },
        ],
      },
    ],
  };
}
