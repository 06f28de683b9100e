/**
 * The compiled policy as stored in `storage.local`: what the content script, the block page and
 * the worker decide from. Stored compactly (about 120 bytes per custom app instead of ~800), so a
 * policy with 50,000 apps fits the browser's 10 MB `storage.local` quota and a page load reads
 * little: what every app shares is written once (the policy's `warnings`, the alternatives, the
 * all-"unknown" criteria of custom apps), and what follows from the rest (failed requirements) is
 * derived again. `expandPolicy` checks every field it reads, so a corrupt or older record reads
 * as null (the worker then applies the policy again), never as a half-valid table. Pure, no zod.
 */
import { MEASURE_IDS, RISK_IDS, type CriterionValue, type MeasureId } from '../catalogue/criteria';
import type { CompiledApp, CompiledPolicy, ResolvedAlternative } from './compile';
import { isAction } from './ids';

/** One app, compact. */
type StoredApp = {
  id: string;
  name: string;
  /** Absent for "other". */
  category?: CompiledApp['category'];
  /** Custom apps only. */
  custom?: 1;
  /** `[host, path]` per pattern. */
  patterns: [string, string][];
  action: CompiledApp['action'];
  /** Absent for "default". */
  reason?: CompiledApp['reason'];
  ruleIndex?: number;
  /** Id in `alternatives`. */
  alternative?: string;
  message?: CompiledApp['message'];
  /** Only when this app's warnings differ from the policy's (a rule override). */
  warnings?: CompiledApp['warnings'];
  /** Absent when every value is "unknown" (custom apps). */
  risks?: CompiledApp['risks'];
  measures?: CompiledApp['measures'];
};

/** The stored form of a compiled policy. */
export type StoredPolicy = Omit<CompiledPolicy, 'apps' | 'formatVersion'> & {
  formatVersion: 2;
  apps: StoredApp[];
};

const allUnknown = (values: Record<string, CriterionValue>) =>
  Object.values(values).every((value) => value === 'unknown');

/** The compact form of `policy` for storage. */
export function compactPolicy(policy: CompiledPolicy): StoredPolicy {
  const defaults = JSON.stringify(policy.warnings);
  return {
    ...policy,
    formatVersion: 2,
    apps: policy.apps.map((app): StoredApp => {
      const stored: StoredApp = {
        id: app.id,
        name: app.name,
        patterns: app.patterns.map((p) => [p.host, p.path]),
        action: app.action,
      };
      if (app.category !== 'other') stored.category = app.category;
      if (app.reason !== 'default') stored.reason = app.reason;
      if (app.isCustom) stored.custom = 1;
      if (app.ruleIndex !== undefined) stored.ruleIndex = app.ruleIndex;
      if (app.alternative) stored.alternative = app.alternative.id;
      if (app.message) stored.message = app.message;
      if (JSON.stringify(app.warnings) !== defaults) stored.warnings = app.warnings;
      if (!allUnknown(app.risks) || !allUnknown(app.measures)) {
        stored.risks = app.risks;
        stored.measures = app.measures;
      }
      return stored;
    }),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const REASONS = new Set(['approved', 'rule', 'default']);

function isStoredApp(value: unknown): value is StoredApp {
  if (!isObject(value)) return false;
  const { id, name, category, patterns, action, reason, warnings } = value;
  return (
    isString(id) &&
    isString(name) &&
    (category === undefined || isString(category)) &&
    Array.isArray(patterns) &&
    patterns.every((p) => Array.isArray(p) && p.length === 2 && isString(p[0]) && isString(p[1])) &&
    isAction(action) &&
    (reason === undefined || REASONS.has(reason as string)) &&
    (warnings === undefined || isObject(warnings)) &&
    (value.alternative === undefined || isString(value.alternative)) &&
    (value.ruleIndex === undefined || typeof value.ruleIndex === 'number') &&
    (value.risks === undefined || isObject(value.risks)) &&
    (value.measures === undefined || isObject(value.measures)) &&
    (value.message === undefined || isObject(value.message))
  );
}

const unknownOf = (ids: readonly string[]) =>
  Object.fromEntries(ids.map((id) => [id, 'unknown' as const]));

/** The compiled policy from its stored form, or null when the value is not one this build wrote. */
export function expandPolicy(value: unknown): CompiledPolicy | null {
  if (!isObject(value) || value.formatVersion !== 2) return null;
  const { apps, alternatives, warnings, requirements, organization } = value;
  if (
    !Array.isArray(apps) ||
    !Array.isArray(alternatives) ||
    !Array.isArray(requirements) ||
    !isObject(warnings) ||
    !isObject(organization) ||
    !apps.every(isStoredApp)
  )
    return null;
  const stored = value as StoredPolicy;
  const alternativeById = new Map<string, ResolvedAlternative>(
    stored.alternatives.map((a) => [a.id, a]),
  );
  // Shared by every custom app: read-only once expanded.
  const unknownRisks = unknownOf(RISK_IDS) as CompiledApp['risks'];
  const unknownMeasures = unknownOf(MEASURE_IDS) as CompiledApp['measures'];
  const expanded: CompiledApp[] = stored.apps.map((app) => {
    const measures = app.measures ?? unknownMeasures;
    const alternative =
      app.alternative === undefined ? undefined : alternativeById.get(app.alternative);
    return {
      id: app.id,
      name: app.name,
      category: app.category ?? 'other',
      isCustom: app.custom === 1,
      patterns: app.patterns.map(([host, path]) => ({ host, path })),
      action: app.action,
      reason: app.reason ?? 'default',
      ...(app.ruleIndex === undefined ? {} : { ruleIndex: app.ruleIndex }),
      ...(alternative ? { alternative } : {}),
      ...(app.message ? { message: app.message } : {}),
      warnings: app.warnings ?? stored.warnings,
      risks: app.risks ?? unknownRisks,
      measures,
      failedRequirements: stored.requirements
        .filter((measure: MeasureId) => measures[measure] !== true)
        .map((measure) => ({ measure, value: measures[measure] })),
    };
  });
  return { ...stored, formatVersion: 1, apps: expanded };
}
