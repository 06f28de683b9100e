/**
 * The policy contract (version 1) as a zod schema: the one definition of the admin-facing policy.
 * Types, validation, defaults and the generated Chrome `managed_schema` all come from here.
 * Keep names, types and meanings exactly as in policy-contract.md; add fields only compatibly.
 */
import { z } from 'zod';
import { CATEGORIES, MEASURE_IDS } from '../catalogue/criteria';

/** The only policy format version this build understands. */
export const SUPPORTED_SCHEMA_VERSION = 1;

const idPattern = /^[a-z0-9-]+$/;

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
  .enum(['allow', 'warn', 'block'])
  .meta({ description: 'allow: nothing shown; warn: in-page banner; block: the page never loads' });
export const CategorySchema = z.enum(CATEGORIES);
export const MeasureIdSchema = z.enum(MEASURE_IDS);
export const LocaleSchema = z.enum(['auto', 'nl', 'en']);

/** Text per language, e.g. `{"nl": "…", "en": "…"}`. */
export const LocalizedTextSchema = z.record(
  z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'language keys are codes such as "nl" or "en"'),
  z.string().max(2000),
);

export const WarningsSchema = z.object({
  acknowledgeForDays: z
    .int()
    .min(0)
    .max(365)
    .default(1)
    .meta({ description: 'Days the banner stays hidden after "I understand"; 0 = every visit' }),
  allowProceed: z
    .boolean()
    .default(false)
    .meta({ description: 'The block page offers "continue anyway"' }),
  requireReason: z
    .boolean()
    .default(true)
    .meta({ description: 'Continuing from a block page needs a typed reason' }),
});

/** Per-rule override of `warnings`: only the fields given apply. */
export const WarningsOverrideSchema = z.object({
  acknowledgeForDays: z.int().min(0).max(365).optional(),
  allowProceed: z.boolean().optional(),
  requireReason: z.boolean().optional(),
});

export const OrganizationSchema = z.object({
  name: z.string().min(1).max(200).optional(),
  supportUrl: HttpsUrlSchema.optional(),
  supportEmail: z.email().optional(),
  supportPhone: z.string().min(1).max(50).optional(),
  requestAccessUrl: HttpsUrlSchema.optional(),
});

export const RuleSchema = z.object({
  app: z.string().min(1).meta({ description: 'A catalogue app id or a customApps[].id' }),
  action: ActionSchema,
  alternative: z.string().regex(idPattern).optional(),
  message: LocalizedTextSchema.optional(),
  warnings: WarningsOverrideSchema.optional(),
});

export const CustomAppSchema = z.object({
  id: z.string().regex(idPattern, 'use lower-case letters, digits and dashes'),
  name: z.string().min(1).max(100),
  category: CategorySchema.default('other'),
  match: z.array(z.string().min(1)).min(1).meta({
    description: 'Host patterns: chat.example.com or chat.example.com/app; no scheme, no wildcards',
  }),
});

export const AlternativeSchema = z.object({
  id: z.string().regex(idPattern, 'use lower-case letters, digits and dashes'),
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
  warnings: WarningsSchema.default({
    acknowledgeForDays: 1,
    allowProceed: false,
    requireReason: true,
  }),
  locale: LocaleSchema.default('auto'),
  policyUrl: HttpsUrlSchema.optional(),
  policyRefreshMinutes: z.int().min(5).max(1440).default(60),
  eventLog: z
    .object({ retentionDays: z.int().min(0).max(365).default(30) })
    .default({ retentionDays: 30 }),
  reporting: z
    .object({
      url: HttpsUrlSchema.optional(),
      intervalMinutes: z.int().min(15).max(1440).default(60),
    })
    .default({ intervalMinutes: 60 }),
});

export type Action = z.output<typeof ActionSchema>;
export type Policy = z.output<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
export type Rule = z.output<typeof RuleSchema>;
export type CustomApp = z.output<typeof CustomAppSchema>;
export type Alternative = z.output<typeof AlternativeSchema>;
export type Warnings = z.output<typeof WarningsSchema>;
export type LocalizedText = z.output<typeof LocalizedTextSchema>;
