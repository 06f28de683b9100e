/**
 * Checks on this round's contract fields that zod cannot make per field, run by parsePolicy after
 * the lenient parse: duplicate reason ids, and keeping `reporting.headers` values (often an API
 * key) out of issues, which the status page, diagnostics and the CLI show.
 */
import { showValue, type PolicyIssue } from './issues';
import { checkReasonIds } from './reason-ids';
import type { Policy } from './schema';

const HEADERS = 'reporting.headers';
const HIDDEN = '(hidden: a header value may be a secret)';

/** Replaces the value of every issue about a header value; a header's name stays visible. */
function hideHeaderValues(issues: PolicyIssue[]): void {
  for (const issue of issues) {
    if (issue.value === undefined) continue;
    if (issue.path === HEADERS) issue.value = HIDDEN;
    else if (issue.path.startsWith(`${HEADERS}.`)) {
      const name = issue.path.slice(HEADERS.length + 1);
      if (issue.value !== showValue(name)) issue.value = HIDDEN;
    }
  }
}

/** Runs the checks above on `policy` (parsed from `document`), adding to and editing `issues`. */
export function checkContractFields(
  document: Record<string, unknown>,
  policy: Policy,
  issues: PolicyIssue[],
): void {
  checkReasonIds(document, policy, issues);
  hideHeaderValues(issues);
}
