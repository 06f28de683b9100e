/**
 * Checks on this round's contract fields that zod cannot make per field, run by parsePolicy after
 * the lenient parse: duplicate reason ids, and keeping `reporting.headers` values (often an API
 * key) out of issues, which the status page, diagnostics and the CLI show.
 */
import { joinPath, showValue, type PolicyIssue } from './issues';
import { checkReasonIds } from './reason-ids';
import type { Policy } from './schema';

const HEADERS = 'reporting.headers';
const HIDDEN = '(hidden: a header value may be a secret)';

/**
 * Replaces the value of every issue about a header value; a header's name stays visible (an
 * issue about the name itself shows the name, which is no secret).
 */
function hideHeaderValues(document: Record<string, unknown>, issues: PolicyIssue[]): void {
  const reporting = document.reporting;
  const headers =
    typeof reporting === 'object' && reporting !== null
      ? (reporting as Record<string, unknown>).headers
      : undefined;
  const names = typeof headers === 'object' && headers !== null ? Object.keys(headers) : [];
  const nameAt = new Map(names.map((name) => [joinPath(HEADERS, name), name]));
  for (const issue of issues) {
    if (issue.value === undefined) continue;
    if (issue.path === HEADERS) {
      issue.value = HIDDEN;
      continue;
    }
    const name = nameAt.get(issue.path);
    if (name !== undefined) {
      if (issue.value !== showValue(name)) issue.value = HIDDEN;
    } else if (issue.path.startsWith(HEADERS)) issue.value = HIDDEN;
  }
}

/** Runs the checks above on `policy` (parsed from `document`), adding to and editing `issues`. */
export function checkContractFields(
  document: Record<string, unknown>,
  policy: Policy,
  issues: PolicyIssue[],
): void {
  checkReasonIds(document, policy, issues);
  hideHeaderValues(document, issues);
}
