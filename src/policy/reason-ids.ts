/**
 * Duplicate `reasons[].id` in `warnings` and in each `rules[].warnings`: the first reason with an
 * id applies, later ones are dropped with an issue. The event log keeps only the id, so two
 * reasons with one id could not be told apart afterwards.
 */
import { joinPath, showValue, type PolicyIssue } from './issues';
import { parseLeniently } from './lenient';
import { ProceedReasonSchema, type Policy, type ProceedReason } from './schema';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reports duplicates in one raw `warnings` object, at the indices the admin wrote. Only reasons
 * the lenient parser keeps take an id, so the report matches what firstOfEachId drops.
 */
function reportDuplicates(warnings: unknown, at: string, issues: PolicyIssue[]): void {
  if (!isObject(warnings) || !Array.isArray(warnings.reasons)) return;
  const seen = new Set<string>();
  warnings.reasons.forEach((reason: unknown, index) => {
    if (!isObject(reason) || !parseLeniently(ProceedReasonSchema, reason, '', []).ok) return;
    const id = String(reason.id);
    if (!seen.has(id)) {
      seen.add(id);
      return;
    }
    issues.push({
      path: joinPath(joinPath(joinPath(at, 'reasons'), index), 'id'),
      code: 'duplicate',
      severity: 'error',
      message: `an earlier reason already has the id "${id}"`,
      effect: 'this reason is ignored',
      value: showValue(id),
    });
  });
}

function firstOfEachId(reasons: ProceedReason[]): ProceedReason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    if (seen.has(reason.id)) return false;
    seen.add(reason.id);
    return true;
  });
}

/**
 * Drops later reasons that reuse an id from `policy` (parsed from `document`) and reports each
 * with its path in `document`.
 */
export function checkReasonIds(
  document: Record<string, unknown>,
  policy: Policy,
  issues: PolicyIssue[],
): void {
  reportDuplicates(document.warnings, 'warnings', issues);
  if (Array.isArray(document.rules))
    document.rules.forEach((rule: unknown, index) => {
      if (isObject(rule))
        reportDuplicates(rule.warnings, joinPath(joinPath('rules', index), 'warnings'), issues);
    });
  policy.warnings.reasons = firstOfEachId(policy.warnings.reasons);
  for (const rule of policy.rules)
    if (rule.warnings?.reasons) rule.warnings.reasons = firstOfEachId(rule.warnings.reasons);
}
