/**
 * The one message contract between the content script / extension pages and the worker.
 * Requests are re-parsed by the router with these schemas; `from` says who may send each one:
 * `content` = our content scripts and extension pages, `extension-page` = extension pages only.
 */
import { z } from 'zod';

const UrlString = z.string().max(8192);
const AppId = z.string().regex(/^[a-z0-9-]{1,100}$/);
const ActionSchema = z.enum(['allow', 'warn', 'block']);

export const protocol = {
  /** What happens on a URL (block page, content-script fallback when no snapshot is stored). */
  getDecision: {
    from: 'content',
    request: z.strictObject({ url: UrlString.optional(), appId: AppId.optional() }),
  },
  /** The employee chose "I understand": hide the app's warning for `acknowledgeForDays`. */
  acknowledgeWarning: { from: 'content', request: z.strictObject({ appId: AppId }) },
  /** The employee followed the link to the approved alternative. */
  recordAlternativeUse: { from: 'content', request: z.strictObject({ appId: AppId }) },
  /** What the sender's tab shows now, for the toolbar badge. */
  reportPageState: {
    from: 'content',
    request: z.strictObject({
      appId: AppId.nullable(),
      action: ActionSchema,
      isAcknowledged: z.boolean(),
    }),
  },
  /** A blocked page loaded anyway (cache, race): is it still blocked for the sender's tab? */
  checkBlock: { from: 'content', request: z.strictObject({ url: UrlString }) },
  /**
   * "Continue anyway" on the block page, with the employee's reason: `reasonId`, one of the app's
   * `warnings.reasons`, and/or typed text (the "other" choice, or the only field without reasons).
   */
  proceedToApp: {
    from: 'extension-page',
    request: z.strictObject({
      appId: AppId,
      url: UrlString,
      reasonId: z
        .string()
        .regex(/^[a-z0-9-]{1,100}$/)
        .optional(),
      reason: z.string().max(500).optional(),
    }),
  },
  /**
   * The block page opened on `url` (a network rule or the content script sent the tab there): the
   * worker decides again with the engine, logs the block, or lets the address through when it is
   * not blocked for this tab (a release) so the page can open it.
   */
  openBlockedPage: { from: 'extension-page', request: z.strictObject({ url: UrlString }) },
  /** The state of a tab for the popup (which has no tab of its own). */
  getTabState: { from: 'extension-page', request: z.strictObject({ tabId: z.int().min(0) }) },
  /** Installation facts and the event log, for the status page. */
  getStatus: { from: 'extension-page', request: z.strictObject({}) },
  /** The policy in force and its problems (status page, block page). */
  getPolicyStatus: { from: 'extension-page', request: z.strictObject({}) },
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
