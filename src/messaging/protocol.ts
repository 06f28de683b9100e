/**
 * The one message contract between the content script / extension pages and the worker.
 * Requests are re-parsed by the router with these schemas; `from` says who may send each one:
 * `content` = our content scripts and extension pages, `extension-page` = extension pages only.
 */
import { z } from 'zod';

const UrlString = z.string().max(8192);

export const protocol = {
  /** What happens on a URL (block page, content-script fallback when no snapshot is stored). */
  getDecision: {
    from: 'content',
    request: z.strictObject({ url: UrlString.optional(), appId: z.string().max(100).optional() }),
  },
  /** The policy in force and its problems (status page, block page). */
  getPolicyStatus: {
    from: 'extension-page',
    request: z.strictObject({}),
  },
} as const;

export type MessageName = keyof typeof protocol;
export type RequestOf<N extends MessageName> = z.input<(typeof protocol)[N]['request']>;

/** The envelope on the wire. */
export const EnvelopeSchema = z.strictObject({
  signpost: z.literal(1),
  name: z.string().max(64),
  request: z.unknown(),
});
export type Envelope = z.output<typeof EnvelopeSchema>;

/** A reply: either the handler's result or a refusal with a reason. */
export type Reply<T> = { ok: true; result: T } | { ok: false; error: string };
