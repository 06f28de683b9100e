/**
 * The central policy document in Firefox ESR (issue 12): the MV2 background page fetches it with
 * host access (no CORS headers on the server), checks its Ed25519 signature with WebCrypto, and
 * applies it under the managed policy from policies.json.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, afterEach, expect, it } from 'vitest';
import type { Route } from './fake-apps';
import {
  openBlocked,
  restorePolicies,
  startFirefox,
  waitForNetworkBlock,
  type FirefoxSession,
} from './firefox';

const GECKO_ID = 'signpost@signpost.extension';
const POLICY_URL = 'https://intranet.acme.test/signpost/policy.json';

let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});
afterAll(() => restorePolicies());

it('fetches a signed central policy and applies it; a tampered one is refused', async () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString(
    'base64',
  );
  const document = JSON.stringify({ rules: [{ app: 'telegram', action: 'block' }] });
  const signature = sign(null, Buffer.from(document), privateKey).toString('base64');
  const route: Route = (request) => {
    if (request.host !== 'intranet.acme.test') return undefined;
    if (request.url === '/signpost/policy.json')
      return {
        status: 200,
        headers: { 'content-type': 'application/json', etag: '"f1"' },
        body: document,
      };
    if (request.url === '/signpost/policy.json.sig') return { status: 200, body: signature };
    return { status: 404 };
  };
  session = await startFirefox(
    {
      policies: {
        '3rdparty': {
          Extensions: { [GECKO_ID]: { policyUrl: POLICY_URL, policyPublicKeys: [key] } },
        },
      },
    },
    route,
  );
  await waitForNetworkBlock(session, 'https://web.telegram.org/k/', 30_000);
  // The warm-up pages before the rule was in force reached the server; from now on none may.
  const since = session.apps.requests.length;
  await openBlocked(session.page, 'https://web.telegram.org/a/');
  expect(session.apps.requests.slice(since).filter((r) => r.host === 'web.telegram.org')).toEqual(
    [],
  );
  expect(
    session.apps.requests.filter((r) => r.host === 'intranet.acme.test').map((r) => r.url),
  ).toEqual(expect.arrayContaining(['/signpost/policy.json', '/signpost/policy.json.sig']));
});
