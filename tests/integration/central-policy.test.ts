/**
 * The central policy document (`policyUrl`, `policyPublicKeys`) with the real worker on in-memory
 * ports and stand-in servers: applied under managed storage, 304s, failures keep the last good copy,
 * signatures with rotation. The real fetch (sizes, timeouts, content types on the wire) is in
 * tests/e2e/central-policy.test.ts.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/background/ports';
import { REFRESH_ALARM } from '../../src/background/policy-fetch';
import { extensionPage, startWorker } from './worker';

const URL_ = 'https://intranet.acme.example/signpost/policy.json';
const STATUS = extensionPage(undefined, '/status.html');
const encoder = new TextEncoder();

function keyPair(): { privateKey: KeyObject; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { privateKey, publicKey: Buffer.from(x, 'base64url').toString('base64') };
}

const json = (text: string, etag = '"v1"'): HttpResponse => ({
  status: 200,
  url: URL_,
  etag,
  contentType: 'application/json; charset=utf-8',
  bytes: encoder.encode(text),
});

async function central(managed: Record<string, unknown>, document: string) {
  const worker = await startWorker({});
  worker.fake.setManaged(managed);
  // As the worker does on a managed change: apply, then fetch.
  await worker.policy.apply();
  let served = json(document);
  worker.fake.servers.set(URL_, () => served);
  const serve = (response: HttpResponse | Error) => {
    served = response as HttpResponse;
    worker.fake.servers.set(URL_, () => response);
  };
  const refresh = () => worker.send('refreshPolicy', {}, STATUS);
  const snapshot = () => worker.policy.current();
  return { ...worker, serve, refresh, snapshot };
}

describe('the central policy document', () => {
  it('applies under managed storage: the document is the base, a managed key overrides it', async () => {
    const c = await central(
      { policyUrl: URL_, defaultAction: 'warn' },
      JSON.stringify({ defaultAction: 'block', rules: [{ app: 'slack', action: 'block' }] }),
    );
    const { changed, state } = await c.refresh();
    expect(changed).toBe(true);
    expect(state).toMatchObject({ url: URL_, lastSuccess: { status: 200, etag: '"v1"' } });
    const snapshot = await c.snapshot();
    expect(snapshot.source).toBe('url');
    const action = (id: string) => snapshot.compiled.apps.find((a) => a.id === id)?.action;
    expect(action('slack')).toBe('block');
    expect(action('telegram')).toBe('warn');
    expect(c.fake.alarms.get(REFRESH_ALARM)).toBeGreaterThan(c.fake.ports.now());
    expect(c.fake.periods.get(REFRESH_ALARM)).toBe(60);
  });

  it('asks with If-None-Match and keeps the copy on 304', async () => {
    const c = await central({ policyUrl: URL_ }, '{"defaultAction":"block"}');
    await c.refresh();
    c.serve({ status: 304, url: URL_, bytes: null });
    const { changed, state } = await c.refresh();
    expect(changed).toBe(false);
    expect(c.fake.requests.at(-1)?.headers).toEqual({ 'If-None-Match': '"v1"' });
    expect(state.lastSuccess).toMatchObject({ status: 304, etag: '"v1"' });
    expect((await c.snapshot()).compiled.apps.find((a) => a.id === 'whatsapp')?.action).toBe(
      'block',
    );
  });

  it.each([
    ['the server is down', new Error('net::ERR_CONNECTION_REFUSED'), 'net::ERR_CONNECTION_REFUSED'],
    [
      'the answer is not JSON',
      { ...json('<html>'), contentType: 'text/html' },
      'not JSON (content type text/html)',
    ],
    ['the JSON is broken', json('{"defaultAction":'), 'not valid JSON'],
    [
      'the document is of a newer format',
      json('{"schemaVersion":2}'),
      'not a usable policy: schemaVersion',
    ],
    ['the server answers 500', { status: 500, url: URL_, bytes: null }, 'the server answered 500'],
    [
      'it redirects to http',
      { ...json('{}'), url: 'http://intranet.acme.example/p.json' },
      'not https://',
    ],
    ['it is too large', new Error('larger than 1 MB'), 'larger than 1 MB'],
  ])('keeps the last good copy when %s, and says why', async (_, response, reason) => {
    const c = await central({ policyUrl: URL_ }, '{"defaultAction":"block"}');
    await c.refresh();
    c.serve(response);
    const { changed, state } = await c.refresh();
    expect(changed).toBe(false);
    expect(state.lastFailure?.reason).toContain(reason);
    expect(state.lastSuccess?.status).toBe(200);
    const snapshot = await c.snapshot();
    expect(snapshot.source).toBe('url');
    expect(snapshot.compiled.apps.find((a) => a.id === 'whatsapp')?.action).toBe('block');
    const status = await c.send('getStatus', {}, STATUS);
    expect(status.centralPolicy?.lastFailure?.reason).toContain(reason);
  });

  it('never takes from the document what only managed storage may set', async () => {
    const c = await central(
      { policyUrl: URL_ },
      JSON.stringify({
        policyUrl: 'https://evil.test/p.json',
        policyPublicKeys: [],
        reporting: { url: 'https://collector.acme.example', headers: { 'X-Key': 'stolen' } },
      }),
    );
    await c.refresh();
    const snapshot = await c.snapshot();
    expect(snapshot.issues.map((i) => [i.path, i.source])).toEqual(
      expect.arrayContaining([
        ['policyUrl', 'url'],
        ['policyPublicKeys', 'url'],
        ['reporting.headers', 'url'],
      ]),
    );
    expect(c.fake.requests.map((r) => r.url)).not.toContain('https://evil.test/p.json');
  });
});

describe('signed central policy documents', () => {
  const text = JSON.stringify({ defaultAction: 'block' });
  const signature = (privateKey: KeyObject, body: string) =>
    `${sign(null, Buffer.from(body), privateKey).toString('base64')}\n`;
  const sigResponse = (body: string): HttpResponse => ({
    status: 200,
    url: `${URL_}.sig`,
    contentType: 'text/plain',
    bytes: encoder.encode(body),
  });

  it('refuses an unsigned or tampered document and applies a signed one; rotation works', async () => {
    const oldKey = keyPair();
    const newKey = keyPair();
    const c = await central({ policyUrl: URL_, policyPublicKeys: [oldKey.publicKey] }, text);
    // No signature published.
    expect((await c.refresh()).state.lastFailure?.reason).toContain('signature unavailable');
    expect((await c.snapshot()).source).toBe('managed');
    // A signature over other bytes (the document was changed on the server after signing).
    c.fake.servers.set(`${URL_}.sig`, () =>
      sigResponse(signature(oldKey.privateKey, '{"defaultAction":"allow"}')),
    );
    expect((await c.refresh()).state.lastFailure?.reason).toContain('signature refused');
    // Signed with the listed key: applied.
    c.fake.servers.set(`${URL_}.sig`, () => sigResponse(signature(oldKey.privateKey, text)));
    expect((await c.refresh()).changed).toBe(true);
    expect((await c.snapshot()).source).toBe('url');

    // Rotation: both keys listed, the document re-signed with the new key.
    c.fake.setManaged({ policyUrl: URL_, policyPublicKeys: [oldKey.publicKey, newKey.publicKey] });
    const next = JSON.stringify({
      defaultAction: 'block',
      rules: [{ app: 'teams', action: 'warn' }],
    });
    c.serve(json(next, '"v2"'));
    c.fake.servers.set(`${URL_}.sig`, () => sigResponse(signature(newKey.privateKey, next)));
    expect((await c.refresh()).changed).toBe(true);
    // The old key dropped: the copy signed with the new key still applies.
    c.fake.setManaged({ policyUrl: URL_, policyPublicKeys: [newKey.publicKey] });
    await c.policy.apply();
    expect((await c.snapshot()).compiled.apps.find((a) => a.id === 'teams')?.action).toBe('warn');
    // Only the old key listed: the stored copy (signed with the new one) no longer applies.
    c.fake.setManaged({ policyUrl: URL_, policyPublicKeys: [oldKey.publicKey] });
    await c.policy.apply();
    expect((await c.snapshot()).source).toBe('managed');
  });
});
