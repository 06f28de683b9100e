/**
 * Fleet features in real Chromium (issue 12), with a local HTTPS policy server and an OTLP
 * collector that decodes every request with the official protobuf definitions:
 * - the central policy document applies, changes apply after a triggered refresh without a
 *   restart, 304s, failures keep the last good copy, sizes and types are refused, managed keys
 *   override it, and signatures are required when keys are listed;
 * - reports arrive with counts that match what happened, survive a collector that is down, honour
 *   Retry-After, carry no address or identity, and the privacy page shows them as sent.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeOtlp } from '../support/otlp-proto';
import type { Route, RouteAnswer } from './fake-apps';
import { waitForPolicy, type Session } from './harness';
import { useBrowserSuite, workerOf } from './suite';

const POLICY_URL = 'https://intranet.acme.test/signpost/policy.json';
const COLLECTOR = 'https://otel.acme.test';

/** The stand-in intranet server and collector, scripted per test. */
const server = {
  document: '{}',
  contentType: 'application/json',
  etag: '"1"',
  status: 200,
  signature: null as string | null,
  policyRequests: [] as { ifNoneMatch?: string }[],
  collectorStatus: 200,
  retryAfter: undefined as string | undefined,
  accepted: [] as { signal: string; body: unknown }[],
};
const route: Route = (request): RouteAnswer | undefined => {
  if (request.host === 'intranet.acme.test' && request.url === '/signpost/policy.json') {
    const ifNoneMatch = request.headers['if-none-match'];
    server.policyRequests.push(typeof ifNoneMatch === 'string' ? { ifNoneMatch } : {});
    if (server.status !== 200) return { status: server.status };
    if (ifNoneMatch === server.etag) return { status: 304, headers: { etag: server.etag } };
    return {
      status: 200,
      headers: { 'content-type': server.contentType, etag: server.etag },
      body: server.document,
    };
  }
  if (request.host === 'intranet.acme.test' && request.url === '/signpost/policy.json.sig')
    return server.signature === null
      ? { status: 404 }
      : { status: 200, headers: { 'content-type': 'text/plain' }, body: server.signature };
  if (request.host === 'otel.acme.test' && request.method === 'POST') {
    if (server.collectorStatus !== 200)
      return {
        status: server.collectorStatus,
        headers: server.retryAfter === undefined ? {} : { 'retry-after': server.retryAfter },
      };
    const signal = request.url === '/v1/logs' ? 'logs' : 'metrics';
    const body: unknown = JSON.parse(request.body.toString('utf8'));
    try {
      decodeOtlp(signal, body);
    } catch (error) {
      return { status: 400, body: String(error) };
    }
    server.accepted.push({ signal, body });
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
  }
  return undefined;
};
const { start, requestsTo } = useBrowserSuite(route);

/** Resets the scripted servers. */
function serve(document: unknown) {
  server.document = typeof document === 'string' ? document : JSON.stringify(document);
  server.contentType = 'application/json';
  server.etag = `"${String(Date.now())}"`;
  server.status = 200;
}

async function statusPage(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.id}/status.html`);
  await page.waitForSelector('h1');
  return page;
}

/** Clicks the helpdesk's "check the central policy now" and returns what it said. */
async function refreshFromStatusPage(page: Page): Promise<string> {
  await page.reload();
  await page.click('#central-refresh');
  await expect.poll(() => page.textContent('#central-refresh-result')).not.toBe('');
  return (await page.textContent('#central-refresh-result')) ?? '';
}

const appAction = (s: Session, appId: string) =>
  workerOf(s).evaluate(async (id) => {
    const stored = (await chrome.storage.local.get('snapshot')).snapshot as {
      compiled: { apps: { id: string; action: string }[] };
    };
    return stored.compiled.apps.find((a) => a.id === id)?.action;
  }, appId);

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  alarms: { create(name: string, info: { when: number }): void };
};

describe('the central policy document', () => {
  it('applies, follows a change after a triggered refresh, uses 304 and keeps the last good copy', async () => {
    serve({ rules: [{ app: 'telegram', action: 'block' }] });
    server.policyRequests = [];
    const s = await start({ policyUrl: POLICY_URL }, { source: 'url' });
    const page = await s.context.newPage();
    await page.goto('https://web.telegram.org/k/');
    await page.waitForURL(/blocked\.html\?app=telegram/);
    expect(requestsTo('web.telegram.org')).toEqual([]);

    // The admin edits the document; the helpdesk asks for it now.
    serve({ rules: [{ app: 'discord', action: 'block' }] });
    const status = await statusPage(s);
    const clicked = Date.now();
    expect(await refreshFromStatusPage(status)).toContain('A changed policy was fetched');
    await expect.poll(() => appAction(s, 'discord')).toBe('block');
    console.log(
      `central policy: fetch to applied after a triggered refresh ${String(Date.now() - clicked)} ms`,
    );
    expect(await appAction(s, 'telegram')).toBe('warn');

    // Unchanged: the browser asks with If-None-Match and the server answers 304.
    expect(await refreshFromStatusPage(status)).toContain('has not changed');
    expect(server.policyRequests.at(-1)).toEqual({ ifNoneMatch: server.etag });
    await status.reload();
    expect(await status.textContent('#central-success')).toContain('HTTP 304');

    // The server goes down, then sends HTML, then 10 MB, then a newer format: the copy stays.
    for (const [change, reason] of [
      [() => (server.status = 503), 'the server answered 503'],
      [
        () => {
          serve('<html>maintenance</html>');
          server.contentType = 'text/html';
        },
        'not JSON',
      ],
      [() => serve(`{"x":"${'a'.repeat(10 * 1024 * 1024)}"}`), 'larger than 1 MB'],
      [() => serve({ schemaVersion: 2 }), 'not a usable policy'],
    ] as const) {
      change();
      expect(await refreshFromStatusPage(status)).toContain(reason);
      await status.reload();
      expect(await status.textContent('#central-failure')).toContain(reason);
      expect(await appAction(s, 'discord')).toBe('block');
    }
    expect((await waitForPolicy(s, () => true)).source).toBe('url');
  });

  it('lets a key set in managed storage override the document', async () => {
    serve({ defaultAction: 'block', rules: [{ app: 'slack', action: 'block' }] });
    const s = await start({ policyUrl: POLICY_URL, defaultAction: 'allow' }, { source: 'url' });
    expect(await appAction(s, 'whatsapp')).toBe('allow');
    expect(await appAction(s, 'slack')).toBe('block');
  });

  it('with policyPublicKeys: refuses unsigned and tampered documents, applies signed ones', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const key = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString(
      'base64',
    );
    const document = JSON.stringify({ rules: [{ app: 'slack', action: 'block' }] });
    serve(document);
    server.signature = null;
    const s = await start({ policyUrl: POLICY_URL, policyPublicKeys: [key] });
    const status = await statusPage(s);
    expect(await refreshFromStatusPage(status)).toContain('signature unavailable');
    server.signature = sign(null, Buffer.from('{"rules":[]}'), privateKey).toString('base64');
    expect(await refreshFromStatusPage(status)).toContain('signature refused');
    expect(await appAction(s, 'slack')).toBe('warn');
    server.signature = `${sign(null, Buffer.from(document), privateKey).toString('base64')}\n`;
    expect(await refreshFromStatusPage(status)).toContain('A changed policy was fetched');
    await expect.poll(() => appAction(s, 'slack')).toBe('block');
    server.signature = null;
  });
});

type Metrics = {
  resourceMetrics: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeMetrics: {
      metrics: {
        name: string;
        sum?: {
          dataPoints: {
            attributes: { key: string; value: { stringValue?: string } }[];
            asInt: string;
          }[];
        };
      }[];
    }[];
  }[];
};

/** Fleet totals per app|outcome over what the collector accepted. */
function totals(): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const { signal, body } of server.accepted) {
    if (signal !== 'metrics') continue;
    for (const resource of (body as Metrics).resourceMetrics)
      for (const scope of resource.scopeMetrics)
        for (const metric of scope.metrics.filter((m) => m.name === 'signpost.pages'))
          for (const point of metric.sum?.dataPoints ?? []) {
            const value = (k: string) =>
              point.attributes.find((a) => a.key === k)?.value.stringValue;
            const key = `${String(value('app.id'))}|${String(value('signpost.outcome'))}`;
            sums[key] = (sums[key] ?? 0) + Number(point.asInt);
          }
  }
  return sums;
}

describe('reports into the organisation’s collector', () => {
  it('match what happened, survive the collector being down, and carry no address or identity', async () => {
    server.accepted = [];
    server.collectorStatus = 200;
    const s = await start({
      rules: [{ app: 'telegram', action: 'block' }],
      reporting: { url: COLLECTOR, events: true },
    });
    const page = await s.context.newPage();
    for (const url of [
      'https://web.whatsapp.com/',
      'https://web.whatsapp.com/?second',
      'https://web.telegram.org/k/',
    ])
      await page.goto(url);
    await page.waitForURL(/blocked\.html/);

    // The collector is down: the batch is kept.
    server.collectorStatus = 503;
    const status = await statusPage(s);
    await status.click('#reporting-send');
    await expect.poll(() => status.textContent('#reporting-send-result')).toContain('Not sent');
    expect(server.accepted).toEqual([]);

    // Back up: delivered, once.
    server.collectorStatus = 200;
    await status.reload();
    await status.click('#reporting-send');
    await expect.poll(() => status.textContent('#reporting-send-result')).toBe('Sent.');
    await status.reload();
    await status.click('#reporting-send');
    await expect.poll(() => status.textContent('#reporting-send-result')).toBe('Sent.');
    expect(totals()).toEqual({ 'whatsapp|warned': 2, 'telegram|blocked': 1 });
    expect(server.accepted.filter((a) => a.signal === 'logs').length).toBe(1);
    const everything = JSON.stringify(server.accepted);
    for (const forbidden of ['https://', 'web.whatsapp.com', 'web.telegram.org', '?second', s.id])
      expect(everything, forbidden).not.toContain(forbidden);
    const sizes = server.accepted.map((a) => JSON.stringify(a.body).length);
    console.log(
      `reports: ${String(server.accepted.length)} requests, ${String(sizes.reduce((a, b) => a + b, 0))} bytes of JSON in all (${sizes.join(' + ')})`,
    );

    // The privacy page shows the last report exactly as it was sent.
    const privacy = await s.context.newPage();
    await privacy.goto(`chrome-extension://${s.id}/privacy.html`);
    const shown = JSON.parse((await privacy.textContent('#last-report')) ?? 'null') as {
      metrics: unknown;
    };
    expect(shown.metrics).toEqual(
      server.accepted.filter((a) => a.signal === 'metrics').at(-1)?.body,
    );
  });

  it('honours 429 with Retry-After: the scheduled report waits', async () => {
    server.accepted = [];
    server.collectorStatus = 429;
    server.retryAfter = '600';
    const s = await start({ reporting: { url: COLLECTOR } });
    const page = await s.context.newPage();
    await page.goto('https://web.whatsapp.com/');
    const status = await statusPage(s);
    await status.click('#reporting-send');
    await expect.poll(() => status.textContent('#reporting-send-result')).toContain('429');
    server.collectorStatus = 200;
    // The report alarm fires (as it would at its time): the retry is not due yet, nothing is sent.
    await workerOf(s).evaluate(() =>
      chrome.alarms.create('signpost-report', { when: Date.now() + 50 }),
    );
    await new Promise((done) => setTimeout(done, 1500));
    expect(server.accepted).toEqual([]);
    await status.reload();
    const next = await status.textContent('dl.facts >> nth=-1');
    expect(next).toContain('Next attempt');
    server.retryAfter = undefined;
  });
});
