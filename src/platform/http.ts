/**
 * HTTP for the worker: the central policy document and the organisation's OpenTelemetry collector.
 * No cookies or credentials (`credentials: 'omit'`), no HTTP cache (the worker sends its own
 * If-None-Match), a time limit, and a size limit that stops reading past it. Host access for
 * http(s) means no CORS preflight is needed from the extension.
 */
import type { HttpRequest, HttpResponse } from '../background/ports';

const kilobytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${String(bytes / 1024 / 1024)} MB`
    : `${String(Math.round(bytes / 1024))} KB`;

/** Performs `request`; see HttpRequest. Rejects with a readable reason. */
export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const controller = new AbortController();
  // An object, so the check in `catch` sees what the timer set.
  const deadline = { passed: false };
  const timer = setTimeout(() => {
    deadline.passed = true;
    controller.abort();
  }, request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method ?? 'GET',
      headers: request.headers ?? {},
      ...(request.body === undefined ? {} : { body: request.body }),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    let bytes: Uint8Array | null = null;
    if (response.status !== 304 && response.body) {
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > request.maxBytes) {
          controller.abort();
          throw new Error(`larger than ${kilobytes(request.maxBytes)}`);
        }
        chunks.push(value);
      }
      bytes = new Uint8Array(total);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
      }
    }
    const header = (name: string) => response.headers.get(name) ?? undefined;
    const etag = header('etag');
    const contentType = header('content-type');
    const retryAfter = header('retry-after');
    return {
      status: response.status,
      url: response.url || request.url,
      ...(etag ? { etag } : {}),
      ...(contentType ? { contentType } : {}),
      ...(retryAfter ? { retryAfter } : {}),
      bytes,
    };
  } catch (error) {
    if (deadline.passed) throw new Error(`timed out after ${String(request.timeoutMs / 1000)} s`);
    throw error instanceof Error ? error : new Error(String(error));
  } finally {
    clearTimeout(timer);
  }
}
