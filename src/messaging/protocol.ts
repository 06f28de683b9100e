/**
 * The one message contract, in both directions, with a request and a reply schema for every
 * message. Pages and content scripts → worker: `protocol` (the router re-parses each request; the
 * page client checks each reply). Worker → content script: `toContent` (the worker checks each
 * reply). `from` says who may send: `content` = our content scripts and extension pages,
 * `extension-page` = extension pages only (checked by sender URL).
 * The content script carries no zod: it imports the types only, and checks what it reads by hand
 * (content-client.ts).
 */
import { z } from 'zod';
import { ACTIONS, ID_PATTERN, MAX_ID_LENGTH } from '../policy/ids';
import { EventRecordSchema } from '../status/event-record';
import { FetchStateSchema } from '../status/fetch-state';
import { HealthSchema } from '../status/health';
import { ReportingStateSchema } from '../status/reporting-state';
import { NetworkRuleStateSchema } from '../status/network-state';

const UrlString = z.string().max(8192);
const AppId = z.string().max(MAX_ID_LENGTH).regex(ID_PATTERN);
const Action = z.enum(ACTIONS);
const Empty = z.strictObject({});

/** What a tab shows, as the popup and the badge describe it. */
export const TabStateSchema = z.union([
  z.object({ state: z.literal('none') }),
  z.object({
    state: z.enum(['approved', 'allowed', 'warned', 'blocked', 'proceeded']),
    appId: AppId,
    isAcknowledged: z.boolean().optional(),
  }),
]);

/** What the content script answers about its page. */
export const PageStateSchema = z.object({
  appId: AppId.nullable(),
  action: Action,
  isAcknowledged: z.boolean(),
  isProceeded: z.boolean(),
});

export const InstallationSchema = z.object({
  version: z.string(),
  extensionId: z.string(),
  installType: z.string(),
  browser: z.string(),
});

export const protocol = {
  /** No readable snapshot yet (first run, just updated): the worker applies the policy now. */
  ensurePolicy: { from: 'content', request: Empty, reply: z.object({ appliedAt: z.number() }) },
  /** The employee chose "I understand": hide the app's warning for `acknowledgeForDays`. */
  acknowledgeWarning: {
    from: 'content',
    request: z.strictObject({ appId: AppId }),
    reply: z.object({ until: z.number() }),
  },
  /** The employee followed the link to the approved alternative. */
  recordAlternativeUse: {
    from: 'content',
    request: z.strictObject({ appId: AppId }),
    reply: z.object({ recorded: z.boolean() }),
  },
  /** What the sender's tab shows now, for the toolbar badge (and the log, for warnings). */
  reportPageState: {
    from: 'content',
    request: z.strictObject({
      appId: AppId.nullable(),
      action: Action,
      isAcknowledged: z.boolean(),
    }),
    reply: z.object({ recorded: z.boolean() }),
  },
  /** A blocked page loaded anyway (cache, race): is it still blocked for the sender's tab? */
  checkBlock: {
    from: 'content',
    request: z.strictObject({ url: UrlString }),
    reply: z.object({ isBlocked: z.boolean() }),
  },
  /**
   * The block page opened on `url`: the worker decides again with the engine, logs the block, or
   * lets the address through when one of its own rules sent a page here that is not blocked.
   */
  openBlockedPage: {
    from: 'extension-page',
    request: z.strictObject({ url: UrlString }),
    reply: z.union([
      z.object({ verdict: z.literal('blocked'), appId: AppId, wasRequested: z.boolean() }),
      z.object({ verdict: z.literal('open'), url: UrlString }),
      z.object({ verdict: z.literal('not-blocked') }),
    ]),
  },
  /** "Continue anyway" on the block page, with the reason the policy asks for. */
  proceedToApp: {
    from: 'extension-page',
    request: z.strictObject({
      appId: AppId,
      url: UrlString,
      reasonId: AppId.optional(),
      reason: z.string().max(500).optional(),
    }),
    reply: z.object({ url: UrlString, until: z.number().nullable() }),
  },
  /** The state of a tab for the popup (which has no tab of its own). */
  getTabState: {
    from: 'extension-page',
    request: z.strictObject({ tabId: z.int().min(0) }),
    reply: TabStateSchema,
  },
  /** Installation facts, the event log and what is degraded, for the status page. */
  getStatus: {
    from: 'extension-page',
    request: Empty,
    reply: z.object({
      installation: InstallationSchema,
      eventLog: z.object({ available: z.boolean(), events: z.array(EventRecordSchema) }),
      networkRules: NetworkRuleStateSchema.nullable(),
      health: HealthSchema,
      centralPolicy: FetchStateSchema.nullable(),
    }),
  },
  /** The helpdesk's "check the central policy now": fetch `policyUrl` and apply what changed. */
  refreshPolicy: {
    from: 'extension-page',
    request: Empty,
    reply: z.object({ changed: z.boolean(), failed: z.boolean(), state: FetchStateSchema }),
  },
  /** Fleet reporting: the destination, the last payload sent, the last error (status, privacy pages). */
  getReporting: { from: 'extension-page', request: Empty, reply: ReportingStateSchema },
  /** The helpdesk's "send the report now" (also what tests use instead of waiting for the alarm). */
  sendReportNow: { from: 'extension-page', request: Empty, reply: ReportingStateSchema },
  /** The status page's address tester: what the worker's engine decides for `url`. */
  explainUrl: {
    from: 'extension-page',
    request: z.strictObject({ url: UrlString }),
    reply: z.object({
      appId: AppId.nullable(),
      action: Action,
      reason: z.enum(['approved', 'rule', 'default', 'no-match']),
    }),
  },
} as const;

/** Messages the worker sends to the content script of a tab. */
export const toContent = {
  /** What the page shows (for the popup). */
  getPageState: { request: Empty, reply: PageStateSchema },
  /** A time-limited "continue anyway" ended: decide again whether the page may stay. */
  recheckPage: { request: Empty, reply: z.object({ rechecked: z.literal(true) }) },
} as const;

export type MessageName = keyof typeof protocol;
export type RequestOf<N extends MessageName> = z.input<(typeof protocol)[N]['request']>;
export type ReplyOf<N extends MessageName> = z.output<(typeof protocol)[N]['reply']>;
export type ContentMessageName = keyof typeof toContent;
export type ContentReplyOf<N extends ContentMessageName> = z.output<(typeof toContent)[N]['reply']>;
export type TabState = z.output<typeof TabStateSchema>;
export type PageState = z.output<typeof PageStateSchema>;

/** The envelope on the wire, both directions. */
export const EnvelopeSchema = z.strictObject({
  signpost: z.literal(1),
  name: z.string().max(64),
  request: z.unknown(),
  /** The same for every attempt at one message (delivery.ts): the worker logs its event once. */
  delivery: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});
export type Envelope = z.output<typeof EnvelopeSchema>;

/** A reply: either the handler's result or a refusal with a reason. */
export type Reply<T> = { ok: true; result: T } | { ok: false; error: string };
