/**
 * The policy contract (version 1) as a zod schema: the one definition of the admin-facing policy.
 * Types, validation, defaults and the generated Chrome `managed_schema` all come from here.
 * Keep names, types and meanings exactly as in docs/policy.md (the public contract; a test keeps
 * the two in step); add fields only compatibly.
 */
import { z } from 'zod';
import { ACTIONS, ID_PATTERN, MAX_ID_LENGTH } from './ids';
import { CATEGORIES, MEASURE_IDS } from '../catalogue/criteria';
import {
  checkLogo,
  isEd25519PublicKey,
  isHeaderName,
  isHeaderValue,
  MAX_LOGO_BYTES,
  type LogoProblem,
} from './encodings';

/** The only policy format version this build understands. */
export const SUPPORTED_SCHEMA_VERSION = 1;

const idPattern = ID_PATTERN;

/** An absolute `https:` URL; every URL from policy is checked before anything links to it. */
export const HttpsUrlSchema = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (
        url.protocol === 'https:' &&
        url.hostname !== '' &&
        url.username === '' &&
        url.password === ''
      );
    } catch {
      return false;
    }
  },
  { message: 'must be an absolute https:// URL without user info' },
);

export const ActionSchema = z
  .enum(ACTIONS)
  .meta({ description: 'allow: nothing shown; warn: in-page banner; block: the page never loads' });
export const CategorySchema = z.enum(CATEGORIES);
export const MeasureIdSchema = z.enum(MEASURE_IDS);
export const LocaleSchema = z.enum(['auto', 'nl', 'en']);

const LanguageKeySchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language keys are codes such as "nl" or "en"');

/** Text per language, e.g. `{"nl": "…", "en": "…"}`. */
export const LocalizedTextSchema = z.record(LanguageKeySchema, z.string().max(2000));

/** One reason offered on the block page: `{id, text: {nl, en}}`. */
export const ProceedReasonSchema = z.object({
  id: z
    .string()
    .max(100)
    .max(MAX_ID_LENGTH)
    .regex(idPattern, 'use lower-case letters, digits and dashes')
    .meta({ description: 'Kept in the local event log when the employee chooses this reason' }),
  text: z
    .record(LanguageKeySchema, z.string().trim().min(1).max(200))
    .refine((text) => Object.keys(text).length > 0, 'needs a text in at least one language')
    .meta({ description: 'The choice as the employee reads it, per language' }),
});

/**
 * `warnings`, with each field's default written here once: the policy's `warnings` default and the
 * per-rule override (below) are both derived from these fields.
 */
export const WarningsSchema = z.object({
  acknowledgeForDays: z
    .int()
    .min(0)
    .max(365)
    .meta({ description: 'Days the banner stays hidden after "I understand"; 0 = every visit' })
    .default(1),
  allowProceed: z
    .boolean()
    .meta({ description: 'The block page offers "continue anyway"' })
    .default(false),
  requireReason: z
    .boolean()
    .meta({ description: 'Continuing from a block page needs a reason (a choice or typed text)' })
    .default(true),
  proceedForMinutes: z
    .int()
    .min(0)
    .max(10080)
    .meta({
      description:
        'How long "continue anyway" lets the app through in that tab; 0 = until the browser closes',
    })
    .default(0),
  reasons: z
    .array(ProceedReasonSchema)
    .meta({ description: 'Reasons offered as choices on the block page' })
    .default(() => []),
});

const warningFields = WarningsSchema.shape;

/** Per-rule override of `warnings`: the same fields without defaults; only the fields given apply. */
export const WarningsOverrideSchema = z.object({
  acknowledgeForDays: warningFields.acknowledgeForDays.unwrap().optional(),
  allowProceed: warningFields.allowProceed.unwrap().optional(),
  requireReason: warningFields.requireReason.unwrap().optional(),
  proceedForMinutes: warningFields.proceedForMinutes.unwrap().optional(),
  reasons: warningFields.reasons.unwrap().optional(),
});

const LOGO_PROBLEMS: Record<LogoProblem, string> = {
  'media-type':
    'must be a data URL that starts with data:image/png;base64, or data:image/svg+xml;base64, (a logo is never fetched from an address)',
  base64: 'the part after "base64," is not valid base64 (no spaces or line breaks, padded with =)',
  'too-large': `the image is larger than 32 KB (${String(MAX_LOGO_BYTES)} bytes once decoded)`,
  'not-png': 'the data is not a PNG image',
  'not-svg': 'the data is not an SVG image',
};

/** `organization.logo`: a PNG or SVG as a base64 data URL; see checkLogo. */
export const LogoSchema = z
  .string()
  .superRefine((value, ctx) => {
    const problem = checkLogo(value);
    if (problem) ctx.addIssue({ code: 'custom', message: LOGO_PROBLEMS[problem] });
  })
  .meta({
    description:
      'data:image/png;base64,… or data:image/svg+xml;base64,…, at most 32 KB of image data; shown as an image, never fetched',
  });

export const OrganizationSchema = z.object({
  name: z.string().min(1).max(200).optional(),
  supportUrl: HttpsUrlSchema.optional(),
  supportEmail: z.email().optional(),
  supportPhone: z.string().min(1).max(50).optional(),
  requestAccessUrl: HttpsUrlSchema.optional(),
  logo: LogoSchema.optional(),
});

export const EventLogSchema = z.object({ retentionDays: z.int().min(0).max(365).default(30) });

export const ReportingSchema = z.object({
  url: HttpsUrlSchema.optional(),
  intervalMinutes: z.int().min(15).max(1440).default(60),
  events: z
    .boolean()
    .meta({
      description: 'Also send one record per event (never typed text, addresses or identity)',
    })
    .default(false),
  headers: z
    .record(
      z.string().refine(isHeaderName, "a header name is letters, digits and !#$%&'*+-.^_`|~ only"),
      z
        .string()
        .refine(
          isHeaderValue,
          'a header value must not contain line breaks (CR, LF) or NUL characters',
        ),
    )
    .meta({
      description:
        'Extra HTTP headers for the collector, e.g. an API key. Only read from managed storage',
    })
    .default(() => ({})),
});

export const RuleSchema = z.object({
  app: z.string().min(1).meta({ description: 'A catalogue app id or a customApps[].id' }),
  action: ActionSchema,
  alternative: z.string().regex(idPattern).optional(),
  message: LocalizedTextSchema.optional(),
  warnings: WarningsOverrideSchema.optional(),
});

export const CustomAppSchema = z.object({
  id: z.string().max(MAX_ID_LENGTH).regex(idPattern, 'use lower-case letters, digits and dashes'),
  name: z.string().min(1).max(100),
  category: CategorySchema.default('other'),
  match: z.array(z.string().min(1)).min(1).meta({
    description: 'Host patterns: chat.example.com or chat.example.com/app; no scheme, no wildcards',
  }),
});

export const AlternativeSchema = z.object({
  id: z.string().max(MAX_ID_LENGTH).regex(idPattern, 'use lower-case letters, digits and dashes'),
  name: z.string().min(1).max(100).optional(),
  category: CategorySchema.optional(),
  url: HttpsUrlSchema,
  instructions: LocalizedTextSchema.optional(),
});

export const PolicySchema = z.object({
  schemaVersion: z.int().default(SUPPORTED_SCHEMA_VERSION),
  organization: OrganizationSchema.default({}),
  defaultAction: ActionSchema.default('warn'),
  rules: z.array(RuleSchema).default([]),
  customApps: z.array(CustomAppSchema).default([]),
  alternatives: z.array(AlternativeSchema).default([]),
  requirements: z.array(MeasureIdSchema).default([]),
  warnings: WarningsSchema.default(() => WarningsSchema.parse({})),
  locale: LocaleSchema.default('auto'),
  policyUrl: HttpsUrlSchema.optional(),
  policyRefreshMinutes: z.int().min(5).max(1440).default(60),
  policyPublicKeys: z
    .array(
      z
        .string()
        .refine(
          isEd25519PublicKey,
          'must be a raw 32-byte Ed25519 public key in base64 (44 characters, ending in "=")',
        ),
    )
    .meta({
      description:
        'Base64 Ed25519 public keys; when set, a policyUrl document needs a valid signature. Only read from managed storage',
    })
    .default(() => []),
  eventLog: EventLogSchema.default(() => EventLogSchema.parse({})),
  reporting: ReportingSchema.default(() => ReportingSchema.parse({})),
});

export type Action = z.output<typeof ActionSchema>;
export type Policy = z.output<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
export type Rule = z.output<typeof RuleSchema>;
export type CustomApp = z.output<typeof CustomAppSchema>;
export type Alternative = z.output<typeof AlternativeSchema>;
export type Warnings = z.output<typeof WarningsSchema>;
export type LocalizedText = z.output<typeof LocalizedTextSchema>;
export type ProceedReason = z.output<typeof ProceedReasonSchema>;
