/**
 * The central policy document (`policyUrl`): fetched on start and every `policyRefreshMinutes`
 * (an alarm with a per-browser offset, so 50,000 browsers spread over the interval), with
 * If-None-Match, HTTPS only, 10 s and 1 MB limits and a JSON content type. With
 * `policyPublicKeys` a document applies only with a valid Ed25519 signature at `<policyUrl>.sig`.
 * Whatever goes wrong, the last good copy (IndexedDB) stays in force and the status page shows the
 * source, the last success and the last failure. The copy is checked again against the keys each
 * time it is used, so dropping a key from managed storage drops documents signed only with it.
 */
import { hashPolicy } from '../policy/effective';
import { parsePolicy } from '../policy/parse';
import { checkSignature } from '../policy/signature';
import { FETCH_STATE_KEY, readFetchState, type FetchState } from '../status/fetch-state';
import type { WorkerPorts } from './ports';

export const REFRESH_ALARM = 'signpost-policy-refresh';
/** Where the per-browser offset of periodic work lives (a number in [0, 1)). */
const OFFSET_KEY = 'fleetOffset';
const COPY_KEY = 'policy-url';
const MAX_BYTES = 1024 * 1024;
const MAX_SIGNATURE_BYTES = 1024;
const TIMEOUT_MS = 10_000;

/** The last good document, as stored. */
type FetchedCopy = {
  url: string;
  text: string;
  signature?: string;
  etag?: string;
  hash: string;
  fetchedAt: number;
};

const isCopy = (value: unknown): value is FetchedCopy => {
  if (typeof value !== 'object' || value === null) return false;
  const copy = value as Record<string, unknown>;
  return (
    typeof copy.url === 'string' &&
    typeof copy.text === 'string' &&
    typeof copy.hash === 'string' &&
    typeof copy.fetchedAt === 'number' &&
    (copy.signature === undefined || typeof copy.signature === 'string') &&
    (copy.etag === undefined || typeof copy.etag === 'string')
  );
};

/** What managed storage says about the central policy (validated, so a bad URL is never used). */
export function centralPolicyOf(managed: Record<string, unknown>): {
  url: string | null;
  keys: string[];
  refreshMinutes: number;
} {
  const { policy } = parsePolicy(managed);
  return {
    url: policy?.policyUrl ?? null,
    keys: policy?.policyPublicKeys ?? [],
    refreshMinutes: policy?.policyRefreshMinutes ?? 60,
  };
}

const isJsonType = (type: string | undefined) =>
  type !== undefined && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type.trim());

/** The central-policy service on `ports`. */
export type PolicyFetch = ReturnType<typeof createPolicyFetch>;

export function createPolicyFetch(ports: WorkerPorts) {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8', { fatal: true });

  const readCopy = async (url: string): Promise<FetchedCopy | null> => {
    const record = await ports.database.readRecord('fetched', COPY_KEY);
    return record.ok && isCopy(record.value) && record.value.url === url ? record.value : null;
  };

  const writeState = async (state: FetchState) => {
    await ports.local.set({ [FETCH_STATE_KEY]: state }).catch(() => undefined);
  };

  /** Fetches and checks the document; resolves to it, or rejects with why it is refused. */
  const download = async (url: string, keys: readonly string[], etag: string | undefined) => {
    if (!url.startsWith('https://')) throw new Error('not an https:// address');
    const response = await ports.http({
      url,
      headers: etag ? { 'If-None-Match': etag } : {},
      maxBytes: MAX_BYTES,
      timeoutMs: TIMEOUT_MS,
    });
    if (!response.url.startsWith('https://'))
      throw new Error('redirected to an address that is not https://');
    if (response.status === 304) return { notModified: true as const };
    if (response.status !== 200) throw new Error(`the server answered ${String(response.status)}`);
    if (!isJsonType(response.contentType))
      throw new Error(`not JSON (content type ${response.contentType ?? 'none'})`);
    const bytes = response.bytes ?? new Uint8Array();
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new Error('not valid UTF-8');
    }
    let document: unknown;
    try {
      document = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new Error(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = parsePolicy(document);
    if (!parsed.policy)
      throw new Error(
        `not a usable policy: ${parsed.issues[0]?.path ?? ''} ${parsed.issues[0]?.message ?? ''}`.trim(),
      );
    let signature: string | undefined;
    if (keys.length > 0) {
      const signed = await ports
        .http({ url: `${url}.sig`, maxBytes: MAX_SIGNATURE_BYTES, timeoutMs: TIMEOUT_MS })
        .catch((error: unknown) => {
          throw new Error(
            `signature unavailable: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
      if (signed.status !== 200 || !signed.bytes)
        throw new Error(
          `signature unavailable: the server answered ${String(signed.status)} for ${url}.sig`,
        );
      signature = new TextDecoder().decode(signed.bytes);
      const check = await checkSignature(ports.subtle, bytes, signature, keys);
      if (!check.ok) throw new Error(`signature refused: ${check.reason}`);
    }
    return {
      notModified: false as const,
      copy: {
        url,
        text,
        ...(signature === undefined ? {} : { signature }),
        ...(response.etag ? { etag: response.etag } : {}),
        hash: hashPolicy(parsed.policy),
        fetchedAt: ports.now(),
      },
    };
  };

  return {
    /**
     * The last good document for `managed`'s policyUrl, still signed by a listed key; null when
     * there is none (never fetched, another URL, a key dropped since).
     */
    async document(managed: Record<string, unknown>): Promise<Record<string, unknown> | null> {
      const { url, keys } = centralPolicyOf(managed);
      if (!url) return null;
      const copy = await readCopy(url);
      if (!copy) return null;
      if (keys.length > 0) {
        const check = await checkSignature(
          ports.subtle,
          encoder.encode(copy.text),
          copy.signature ?? '',
          keys,
        );
        if (!check.ok) return null;
      }
      try {
        const value: unknown = JSON.parse(copy.text.replace(/^\uFEFF/, ''));
        return typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : null;
      } catch {
        return null;
      }
    },

    /**
     * Fetches the document now. Resolves to whether the copy in force changed (the caller then
     * applies the policy again). Never throws: a failure is recorded and the last good copy stays.
     */
    async refresh(
      managed: Record<string, unknown>,
    ): Promise<{ changed: boolean; failed: boolean; state: FetchState }> {
      const { url, keys } = centralPolicyOf(managed);
      const previous = readFetchState(await ports.local.get(FETCH_STATE_KEY));
      const base: FetchState = {
        url,
        requireSignature: keys.length > 0,
        keys: keys.length,
        ...(previous?.url === url && previous.lastSuccess
          ? { lastSuccess: previous.lastSuccess }
          : {}),
        ...(previous?.url === url && previous.lastFailure
          ? { lastFailure: previous.lastFailure }
          : {}),
        lastCheck: ports.now(),
      };
      if (!url) {
        await writeState(base);
        return { changed: false, failed: false, state: base };
      }
      const stored = await readCopy(url);
      try {
        const result = await download(url, keys, stored?.etag);
        if (result.notModified) {
          const state: FetchState = {
            ...base,
            lastSuccess: {
              at: ports.now(),
              status: 304,
              ...(stored?.etag ? { etag: stored.etag } : {}),
              hash: stored?.hash ?? '',
            },
          };
          await writeState(state);
          return { changed: false, failed: false, state };
        }
        const saved = await ports.database.writeRecord('fetched', COPY_KEY, result.copy);
        if (!saved.ok) throw new Error(`could not keep the document: ${saved.error}`);
        const state: FetchState = {
          ...base,
          lastSuccess: {
            at: ports.now(),
            status: 200,
            ...(result.copy.etag ? { etag: result.copy.etag } : {}),
            hash: result.copy.hash,
          },
        };
        await writeState(state);
        return { changed: result.copy.text !== stored?.text, failed: false, state };
      } catch (error) {
        const state: FetchState = {
          ...base,
          lastFailure: {
            at: ports.now(),
            reason: error instanceof Error ? error.message : String(error),
          },
        };
        await writeState(state);
        return { changed: false, failed: true, state };
      }
    },

    /** Schedules the periodic refresh: every `refreshMinutes`, at this browser's own offset. */
    async schedule(managed: Record<string, unknown>): Promise<void> {
      const { url, refreshMinutes } = centralPolicyOf(managed);
      if (!url) {
        await ports.setAlarm(REFRESH_ALARM, null);
        return;
      }
      const offset = await browserOffset(ports);
      await ports.setAlarm(
        REFRESH_ALARM,
        nextRun(ports.now(), refreshMinutes, offset),
        refreshMinutes,
      );
    },
  };
}

/** This browser's offset of periodic work, a number in [0, 1) drawn once and kept. */
export async function browserOffset(ports: WorkerPorts): Promise<number> {
  const stored = await ports.local.get(OFFSET_KEY).catch(() => undefined);
  if (typeof stored === 'number' && stored >= 0 && stored < 1) return stored;
  const offset = ports.random();
  await ports.local.set({ [OFFSET_KEY]: offset }).catch(() => undefined);
  return offset;
}

/**
 * The next time at this browser's offset into the period: browsers that started together still
 * run at times spread evenly over the period (tests/unit/status/fleet-spread.test.ts).
 */
export function nextRun(now: number, periodMinutes: number, offset: number): number {
  const period = periodMinutes * 60_000;
  const phase = Math.floor(offset * period);
  const start = Math.floor(now / period) * period + phase;
  return start > now ? start : start + period;
}
