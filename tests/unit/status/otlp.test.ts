/** The OTLP JSON encoder against the official OTLP protobuf definitions. */
import { describe, expect, it } from 'vitest';
import { counter, gauge, logsRequest, metricsRequest } from '../../../src/status/otlp';
import { decodeOtlp } from '../../support/otlp-proto';

const resource = {
  'service.name': 'signpost',
  'service.version': '0.1.0',
  'signpost.policy.hash': 'abc',
};
const DAY = Date.UTC(2026, 11, 2);

describe('OTLP/HTTP JSON', () => {
  it('writes metrics the official schema decodes exactly', () => {
    const request = metricsRequest(resource, [
      counter('signpost.pages', 'pages', [
        {
          attributes: {
            'app.id': 'whatsapp',
            'signpost.action': 'warn',
            'signpost.outcome': 'warned',
          },
          startMs: DAY,
          endMs: DAY + 3_600_000,
          count: 3,
        },
      ]),
      gauge('signpost.reports', 'one per report', 1, DAY + 3_600_000),
    ]);
    const decoded = decodeOtlp('metrics', request) as {
      resourceMetrics: {
        scopeMetrics: {
          metrics: {
            sum?: {
              aggregationTemporality: number;
              dataPoints: { asInt: { toString(): string } }[];
            };
          }[];
        }[];
      }[];
    };
    const sum = decoded.resourceMetrics[0]?.scopeMetrics[0]?.metrics[0]?.sum;
    expect(sum?.aggregationTemporality).toBe(1);
    expect(sum?.dataPoints[0]?.asInt.toString()).toBe('3');
  });

  it('writes logs the official schema decodes exactly', () => {
    expect(() =>
      decodeOtlp(
        'logs',
        logsRequest(resource, [
          {
            timeMs: DAY + 60_000,
            attributes: {
              'app.id': 'telegram',
              'signpost.outcome': 'proceeded',
              'signpost.reason.id': 'supplier',
            },
          },
        ]),
      ),
    ).not.toThrow();
  });

  it.each([
    [
      'a misspelt field',
      { resourceMetrics: [{ resource: { attributes: [] }, scopeMetric: [{}] }] },
    ],
    [
      'a number as text',
      {
        resourceMetrics: [
          { scopeMetrics: [{ metrics: [{ name: 'x', sum: { isMonotonic: 'yes' } }] }] },
        ],
      },
    ],
    ['not even an object', 'hello'],
  ])('refuses %s (the check can fail)', (_, json) => {
    expect(() => decodeOtlp('metrics', json)).toThrow();
  });
});
