/**
 * Fleet reports with the real worker on in-memory ports and a stand-in collector that decodes every
 * request with the official OTLP definitions: counts match the events, nothing is lost while the
 * collector is down, nothing acknowledged is sent twice, Retry-After is honoured, and no address,
 * typed text or identity is in any payload.
 */
import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../src/background/ports';
import { RETRY_ALARM } from '../../src/background/reporting';
import { decodeOtlp } from '../support/otlp-proto';
import { contentScript, extensionPage, startWorker } from './worker';

const COLLECTOR = 'https://otel.acme.example:4318';
const STATUS = extensionPage(undefined, '/status.html');
const TAB = 3;

type Point = { attributes: { key: string; value: { stringValue?: string } }[]; asInt: string };
type Metrics = {
  resourceMetrics: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeMetrics: { metrics: { name: string; sum?: { dataPoints: Point[] } }[] }[];
  }[];
};

const attr = (point: { attributes: Point['attributes'] }, key: string) =>
  point.attributes.find((a) => a.key === key)?.value.stringValue;

/** A collector that records what it accepted, answering what `answer` says (200 by default). */
function collector(fake: Awaited<ReturnType<typeof startWorker>>['fake']) {
  const accepted: { signal: 'metrics' | 'logs'; body: unknown; headers: Record<string, string> }[] =
    [];
  let answer: (signal: string) => HttpResponse | Error = () => ({
    status: 200,
    url: '',
    bytes: null,
  });
  for (const signal of ['metrics', 'logs'] as const)
    fake.servers.set(`${COLLECTOR}/v1/${signal}`, (request: HttpRequest) => {
      const response = answer(signal);
      if (response instanceof Error || response.status >= 300) return response;
      const body: unknown = JSON.parse(request.body ?? 'null');
      decodeOtlp(signal, body);
      accepted.push({ signal, body, headers: request.headers ?? {} });
      return response;
    });
  /** Counts per app|action|outcome over everything accepted. */
  const totals = () => {
    const sums: Record<string, number> = {};
    for (const { signal, body } of accepted) {
      if (signal !== 'metrics') continue;
      for (const resource of (body as Metrics).resourceMetrics)
        for (const scope of resource.scopeMetrics)
          for (const metric of scope.metrics.filter((m) => m.name === 'signpost.pages'))
            for (const point of metric.sum?.dataPoints ?? []) {
              const key = ['app.id', 'signpost.action', 'signpost.outcome']
                .map((k) => attr(point, k))
                .join('|');
              sums[key] = (sums[key] ?? 0) + Number(point.asInt);
            }
    }
    return sums;
  };
  return { accepted, totals, answer: (next: typeof answer) => (answer = next) };
}

const policy = {
  rules: [
    { app: 'telegram', action: 'block', warnings: { allowProceed: true, requireReason: false } },
  ],
  reporting: { url: COLLECTOR, events: true, headers: { 'X-Api-Key': 'k-123' } },
};

async function someActivity(send: Awaited<ReturnType<typeof startWorker>>['send']) {
  const page = contentScript(TAB);
  await send('reportPageState', { appId: 'whatsapp', action: 'warn', isAcknowledged: false }, page);
  await send('reportPageState', { appId: 'whatsapp', action: 'warn', isAcknowledged: false }, page);
  await send('recordAlternativeUse', { appId: 'whatsapp' }, page);
  await send('openBlockedPage', { url: 'https://web.telegram.org/k/' }, extensionPage(TAB));
  await send(
    'proceedToApp',
    {
      appId: 'telegram',
      url: 'https://web.telegram.org/k/',
      reason: 'A private reason with https://secret.example/path',
    },
    extensionPage(TAB),
  );
}

describe('fleet reporting', () => {
  it('sends nothing and keeps nothing while reporting.url is not set', async () => {
    const { send, fake, reporting } = await startWorker({ rules: policy.rules });
    await someActivity(send);
    expect(await reporting.deliver()).toMatchObject({ destination: null });
    expect(fake.requests).toEqual([]);
    expect([...fake.records.keys()].filter((k) => k.startsWith('reporting/'))).toEqual([]);
  });

  it('counts match the events; events carry the choice, never typed text or an address', async () => {
    const { send, fake } = await startWorker(policy);
    const otel = collector(fake);
    await someActivity(send);
    const state = await send('sendReportNow', {}, STATUS);
    expect(state).toMatchObject({ destination: COLLECTOR, attempts: 0 });
    expect(otel.totals()).toEqual({
      'whatsapp|warn|warned': 2,
      'whatsapp|warn|used-alternative': 1,
      'telegram|block|blocked': 1,
      'telegram|block|proceeded': 1,
    });
    expect(otel.accepted.map((a) => a.signal)).toEqual(['metrics', 'logs']);
    expect(otel.accepted[0]?.headers['X-Api-Key']).toBe('k-123');
    const everything = JSON.stringify(otel.accepted.map((a) => a.body));
    for (const forbidden of ['https://', 'web.telegram.org', 'secret', 'private reason', 'k-123'])
      expect(everything).not.toContain(forbidden);
    // What the privacy page shows is exactly what was sent.
    expect((await send('getReporting', {}, STATUS)).lastPayload).toEqual({
      metrics: otel.accepted[0]?.body,
      logs: otel.accepted[1]?.body,
    });
  });

  it('keeps the batch while the collector is down and delivers it once when it is back', async () => {
    const { send, fake, reporting } = await startWorker(policy);
    const otel = collector(fake);
    await someActivity(send);
    otel.answer(() => new Error('net::ERR_CONNECTION_REFUSED'));
    const failed = await reporting.deliver();
    expect(failed.lastError?.reason).toBe('net::ERR_CONNECTION_REFUSED');
    expect(fake.alarms.get(RETRY_ALARM)).toBe(failed.nextAttemptAt);
    // More activity meanwhile goes into the next batch, not into the one in flight.
    await send(
      'reportPageState',
      { appId: 'whatsapp', action: 'warn', isAcknowledged: false },
      contentScript(TAB),
    );
    otel.answer(() => ({ status: 200, url: '', bytes: null }));
    fake.advance(failed.nextAttemptAt! - fake.ports.now());
    await reporting.deliver();
    await reporting.deliver();
    await reporting.deliver();
    expect(otel.totals()['whatsapp|warn|warned']).toBe(3);
    expect(otel.totals()['telegram|block|proceeded']).toBe(1);
  });

  it('honours 429 Retry-After, and resends only what was not acknowledged', async () => {
    const { send, fake, reporting } = await startWorker(policy);
    const otel = collector(fake);
    await someActivity(send);
    otel.answer((signal) =>
      signal === 'logs'
        ? { status: 429, url: '', retryAfter: '120', bytes: null }
        : { status: 200, url: '', bytes: null },
    );
    const limited = await reporting.deliver();
    expect(limited.nextAttemptAt! - fake.ports.now()).toBeGreaterThanOrEqual(120_000);
    const before = fake.requests.length;
    await reporting.deliver(); // too early: nothing is sent
    expect(fake.requests.length).toBe(before);
    otel.answer(() => ({ status: 200, url: '', bytes: null }));
    fake.advance(120_000);
    await reporting.deliver();
    expect(otel.accepted.map((a) => a.signal)).toEqual(['metrics', 'logs']);
    expect(otel.totals()['whatsapp|warn|warned']).toBe(2);
  });

  it('bounds what it keeps offline: merges the oldest days, then drops them, and says so', async () => {
    const { send, fake } = await startWorker({
      ...policy,
      reporting: { url: COLLECTOR },
    });
    const otel = collector(fake);
    otel.answer(() => new Error('offline'));
    for (let day = 0; day < 70; day++) {
      await send(
        'reportPageState',
        { appId: 'whatsapp', action: 'warn', isAcknowledged: false },
        contentScript(TAB),
      );
      fake.advance(86_400_000);
    }
    otel.answer(() => ({ status: 200, url: '', bytes: null }));
    await send('sendReportNow', {}, STATUS);
    const body = otel.accepted[0]?.body as Metrics;
    const metrics = body.resourceMetrics[0]?.scopeMetrics[0]?.metrics ?? [];
    const pages = metrics.find((m) => m.name === 'signpost.pages')?.sum?.dataPoints ?? [];
    const dropped =
      metrics.find((m) => m.name === 'signpost.report.dropped')?.sum?.dataPoints ?? [];
    expect(pages.length).toBeLessThanOrEqual(30);
    const kept = pages.reduce((n, p) => n + Number(p.asInt), 0);
    const lost = dropped.reduce((n, p) => n + Number(p.asInt), 0);
    expect(kept + lost).toBe(70);
    expect(lost).toBeGreaterThan(0);
  });
});
