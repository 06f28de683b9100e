/** The stand-in app server: every host name resolves to it in the E2E browsers. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type FakeApps = {
  port: number;
  requests: { host: string; url: string }[];
  close(): Promise<void>;
};

/** A file the fake server serves at its path on every host (e.g. a self-hosted update.xml). */
export type ServedFile = { type: string; body: Buffer };

/** A request as a route sees it (the body read in full). */
export type RouteRequest = {
  host: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};
/** What a route answers; undefined lets the request through to the default page. */
export type RouteAnswer = {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
};
/** A server for some hosts inside the fake one (the central policy, an OTLP collector). */
export type Route = (request: RouteRequest) => RouteAnswer | undefined;

/**
 * An HTTPS server answering every host with a small app-like page, recording each request;
 * paths in `files` get that file instead, and `?csp=` sets the page's Content-Security-Policy.
 */
export async function startFakeApps(
  files: Map<string, ServedFile> = new Map(),
  port = 0,
  route?: Route,
): Promise<FakeApps> {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-days',
      '2',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const requests: FakeApps['requests'] = [];
  const server: Server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (request, response) => {
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      requests.push({ host, url: request.url ?? '' });
      if (route) {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          const answer = route({
            host,
            method: request.method ?? 'GET',
            url: request.url ?? '/',
            headers: request.headers,
            body: Buffer.concat(chunks),
          });
          if (!answer) return servePage();
          response.writeHead(answer.status, answer.headers ?? {});
          response.end(answer.body ?? '');
        });
        return;
      }
      servePage();
      function servePage() {
        const file = files.get((request.url ?? '').split('?')[0] ?? '');
        if (file) {
          response.writeHead(200, { 'content-type': file.type });
          response.end(file.body);
          return;
        }
        // `?csp=<policy>` serves the page under that Content-Security-Policy (e.g. img-src 'none').
        const csp = new URL(request.url ?? '/', 'https://fake.test').searchParams.get('csp');
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          ...(csp ? { 'content-security-policy': csp } : {}),
        });
        response.end(`<!doctype html><html lang="en"><head><title>${host}</title></head>
<script>document.addEventListener('DOMContentLoaded', () => {
  window.signpostAtDomContentLoaded = document.querySelector('signpost-warning') !== null;
});</script>
<body style="margin:0;font:16px system-ui"><main style="padding:80px 24px"><h1>Fake ${host}</h1>
<p>A stand-in page served from localhost under the app's real host name.</p></main></body></html>`);
      }
    },
  );
  // WebSocket handshakes arrive as 'upgrade', not 'request': count them too, then hang up.
  server.on(
    'upgrade',
    (request: { headers: { host?: string }; url?: string }, socket: { destroy(): void }) => {
      requests.push({
        host: (request.headers.host ?? '').replace(/:\d+$/, ''),
        url: request.url ?? '',
      });
      socket.destroy();
    },
  );
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  rmSync(dir, { recursive: true, force: true });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
