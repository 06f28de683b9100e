/**
 * The NCSC criteria ids (README "Catalogue", from NCSC factsheet FS-2017-03): risks an app brings and measures an organisation can
 * require. Shared by the catalogue, the policy (`requirements`) and every screen that explains a risk.
 */

/** Risks from NCSC factsheet FS-2017-03, in the factsheet's order. */
export const RISK_IDS = [
  'contact-upload',
  'metadata',
  'jurisdiction',
  'content-exposure',
  'server-storage',
  'wrong-recipient',
  'compliance',
] as const;

/** Measures an organisation can require (`requirements` in the policy). */
export const MEASURE_IDS = [
  'official-store',
  'no-contact-upload',
  'internal-directory',
  'channel-verification',
  'app-lock',
  'e2ee',
  'open-audited-crypto',
  'encrypted-local-storage',
  'disappearing-messages',
  'no-server-retention',
  'group-authorization',
] as const;

/** App categories; `collaboration` apps are allowed by the built-in default policy. */
export const CATEGORIES = ['messaging', 'authenticator', 'collaboration', 'other'] as const;

export type RiskId = (typeof RISK_IDS)[number];
export type MeasureId = (typeof MEASURE_IDS)[number];
export type Category = (typeof CATEGORIES)[number];

/** A sourced value: true/false/partial/unknown; null = not applicable to this app. */
export type CriterionValue = boolean | 'partial' | 'unknown' | null;
