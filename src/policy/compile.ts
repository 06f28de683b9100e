/**
 * Compiles an effective policy and the catalogue into a plain-JSON table: one entry per app with
 * its action, reason, alternative and failed requirements decided once. The content script, the
 * block page and the worker all decide from this table, without zod.
 */
import { CATALOGUE, MEASURE_IDS, RISK_IDS } from '../catalogue';
import type { Category, CriterionValue, MeasureId, RiskId } from '../catalogue/criteria';
import { parsePattern, type HostPattern } from './pattern';
import type { Action, LocalizedText, Policy, Warnings } from './schema';

/** Why an app got its action. */
export type DecisionReason = 'approved' | 'rule' | 'default' | 'no-match';

/** The approved app an employee is pointed to. */
export type ResolvedAlternative = {
  id: string;
  name: string;
  url: string;
  instructions?: LocalizedText;
};

/** One app with everything decided. */
export type CompiledApp = {
  id: string;
  name: string;
  category: Category;
  isCustom: boolean;
  patterns: HostPattern[];
  action: Action;
  reason: Exclude<DecisionReason, 'no-match'>;
  ruleIndex?: number;
  alternative?: ResolvedAlternative;
  message?: LocalizedText;
  warnings: Warnings;
  risks: Record<RiskId, CriterionValue>;
  measures: Record<MeasureId, CriterionValue>;
  /** Required measures (policy `requirements`) the app does not offer for certain. */
  failedRequirements: { measure: MeasureId; value: CriterionValue }[];
};

/** The compiled form of a policy; stored as JSON for the content script. */
export type CompiledPolicy = {
  formatVersion: 1;
  organization: Policy['organization'];
  locale: Policy['locale'];
  requirements: MeasureId[];
  eventLogRetentionDays: number;
  /**
   * Without `headers`: they may carry a collector's API key, and this table is stored where
   * content scripts on app pages read it. The worker reads them from the policy itself.
   */
  reporting: Omit<Policy['reporting'], 'headers'>;
  alternatives: ResolvedAlternative[];
  /** The policy's own `warnings` (an app's differ only where its rule overrides them). */
  warnings: Warnings;
  apps: CompiledApp[];
};

/** Chat apps stand in for each other: Teams (collaboration) is a fine alternative to WhatsApp. */
const CHAT_CATEGORIES: readonly Category[] = ['messaging', 'collaboration', 'other'];

type Candidate = { resolved: ResolvedAlternative; category: Category };

/**
 * The contract's default alternative: the first of the app's own category. When there is none, a
 * chat app falls back to the first messaging or collaboration alternative; an authenticator site
 * never falls back to a chat app. An app is never its own alternative. Indexed once per policy,
 * so each lookup costs O(1) whatever the number of apps.
 */
function defaultAlternatives(alternatives: readonly Candidate[]) {
  const byCategory = new Map<Category, Candidate[]>();
  const chat: Candidate[] = [];
  for (const alternative of alternatives) {
    byCategory.set(alternative.category, [
      ...(byCategory.get(alternative.category) ?? []),
      alternative,
    ]);
    if (alternative.category === 'messaging' || alternative.category === 'collaboration')
      chat.push(alternative);
  }
  // At most the first two are looked at: the first may be the app itself.
  const firstOther = (list: readonly Candidate[] | undefined, id: string) =>
    list?.find((a) => a.resolved.id !== id);
  return (app: { id: string; category: Category }): Candidate | undefined =>
    firstOther(byCategory.get(app.category), app.id) ??
    (CHAT_CATEGORIES.includes(app.category) ? firstOther(chat, app.id) : undefined);
}

const unknownValues = <K extends string>(ids: readonly K[]) =>
  Object.fromEntries(ids.map((id) => [id, 'unknown'])) as Record<K, CriterionValue>;

const CATALOGUE_BY_ID = new Map<string, (typeof CATALOGUE)[number]>(
  CATALOGUE.map((app) => [app.id, app]),
);

/**
 * Compiles `policy`. With `isBuiltInDefault`, collaboration apps are allowed and every other
 * app follows `defaultAction` (policy contract, "Built-in default").
 */
export function compilePolicy(
  policy: Policy,
  options: { isBuiltInDefault: boolean },
): CompiledPolicy {
  const alternatives = policy.alternatives.map((alternative): Candidate => ({
    resolved: {
      id: alternative.id,
      name: alternative.name ?? CATALOGUE_BY_ID.get(alternative.id)?.name ?? alternative.id,
      url: alternative.url,
      ...(alternative.instructions ? { instructions: alternative.instructions } : {}),
    },
    category: alternative.category ?? CATALOGUE_BY_ID.get(alternative.id)?.category ?? 'messaging',
  }));
  const alternativeById = new Map(alternatives.map((a) => [a.resolved.id, a]));
  const defaultAlternative = defaultAlternatives(alternatives);
  // The first rule for an app applies (parsePolicy reports later ones).
  const ruleIndexByApp = new Map<string, number>();
  policy.rules.forEach((rule, index) => {
    if (!ruleIndexByApp.has(rule.app)) ruleIndexByApp.set(rule.app, index);
  });
  const definitions = [
    ...policy.customApps.map((app) => ({
      id: app.id,
      name: app.name,
      category: app.category,
      isCustom: true,
      match: app.match,
      risks: unknownValues(RISK_IDS),
      measures: unknownValues(MEASURE_IDS),
    })),
    ...CATALOGUE.map((app) => ({ ...app, isCustom: false })),
  ];

  const apps = definitions.map((app): CompiledApp => {
    const ruleIndex = ruleIndexByApp.get(app.id) ?? -1;
    const rule = policy.rules[ruleIndex];
    let action: Action;
    let reason: CompiledApp['reason'];
    if (alternativeById.has(app.id)) [action, reason] = ['allow', 'approved'];
    else if (rule) [action, reason] = [rule.action, 'rule'];
    else if (options.isBuiltInDefault && app.category === 'collaboration')
      [action, reason] = ['allow', 'default'];
    else [action, reason] = [policy.defaultAction, 'default'];

    const alternative = rule?.alternative
      ? alternativeById.get(rule.alternative)
      : defaultAlternative(app);
    return {
      id: app.id,
      name: app.name,
      category: app.category,
      isCustom: app.isCustom,
      patterns: app.match.map(parsePattern).filter((p): p is HostPattern => typeof p !== 'string'),
      action,
      reason,
      ...(rule ? { ruleIndex } : {}),
      ...(alternative ? { alternative: alternative.resolved } : {}),
      ...(rule?.message ? { message: rule.message } : {}),
      warnings: { ...policy.warnings, ...rule?.warnings },
      risks: { ...app.risks },
      measures: { ...app.measures },
      failedRequirements: policy.requirements
        .filter((measure) => app.measures[measure] !== true)
        .map((measure) => ({ measure, value: app.measures[measure] })),
    };
  });

  return {
    formatVersion: 1,
    organization: policy.organization,
    locale: policy.locale,
    requirements: policy.requirements,
    eventLogRetentionDays: policy.eventLog.retentionDays,
    reporting: {
      ...(policy.reporting.url ? { url: policy.reporting.url } : {}),
      intervalMinutes: policy.reporting.intervalMinutes,
      events: policy.reporting.events,
    },
    alternatives: alternatives.map((a) => a.resolved),
    warnings: policy.warnings,
    apps,
  };
}
