/**
 * Warnings for custom apps whose patterns overlap another app's (policy contract, "Decisions":
 * `validate` warns when a custom app overlaps a catalogue app, saying which one wins). The
 * winner comes from the one precedence rule (precedence.ts). Pure; the work grows with the
 * overlapping pairs, not with apps × apps.
 */
import type { CompiledApp, CompiledPolicy } from './compile';
import { joinPath, type PolicyIssue } from './issues';
import { formatPattern, type HostPattern } from './pattern';
import { comparePrecedence, isExplicitReason, type Claim } from './precedence';

type Located = Claim & { app: CompiledApp; path: string };

/** Why the winner wins, in words for the admin. */
function because(winner: Located, loser: Located): string {
  if (winner.isExplicit && !loser.isExplicit)
    return `it has ${winner.app.reason === 'approved' ? 'an approval' : 'a rule'} and ${loser.app.name} only the default`;
  const same =
    winner.pattern.host === loser.pattern.host && winner.pattern.path === loser.pattern.path;
  if (same) return 'both list this very pattern and it comes first';
  return 'its pattern is more specific';
}

/** Where both match: the deeper of the two patterns. */
const where = (a: HostPattern, b: HostPattern): string => {
  const host = a.host.length >= b.host.length ? a.host : b.host;
  const path = a.path.length >= b.path.length ? a.path : b.path;
  return formatPattern({ host, path });
};

/**
 * One warning per pair of overlapping patterns of which one is a custom app's, at that pattern's
 * path (`customApps[2].match[0]`; the deeper one when both are custom).
 */
export function overlapIssues(policy: Pick<CompiledPolicy, 'apps'>): PolicyIssue[] {
  const byHost = new Map<string, Located[]>();
  const claims: Located[] = [];
  let customIndex = 0;
  policy.apps.forEach((app, order) => {
    const at = app.isCustom ? joinPath('customApps', customIndex++) : '';
    app.patterns.forEach((pattern, index) => {
      const claim: Located = {
        pattern,
        order,
        isExplicit: isExplicitReason(app.reason),
        app,
        path: app.isCustom ? joinPath(joinPath(at, 'match'), index) : '',
      };
      claims.push(claim);
      const atHost = byHost.get(pattern.host);
      if (atHost) atHost.push(claim);
      else byHost.set(pattern.host, [claim]);
    });
  });
  const issues: PolicyIssue[] = [];
  const seen = new Set<string>();
  const report = (custom: Located, other: Located) => {
    const key = `${custom.path} ${other.app.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const [winner, loser] =
      comparePrecedence(custom, other) < 0 ? [custom, other] : [other, custom];
    issues.push({
      path: custom.path,
      code: 'overlap',
      severity: 'warning',
      message: `overlaps ${other.app.name} (${formatPattern(other.pattern)}): on ${where(custom.pattern, other.pattern)} "${winner.app.id}" applies, because ${because(winner, loser)}`,
      effect: `"${winner.app.id}" (${winner.app.action}) decides there`,
      value: formatPattern(custom.pattern),
    });
  };
  for (const claim of claims) {
    for (let host = claim.pattern.host; host !== '';) {
      for (const other of byHost.get(host) ?? []) {
        if (other.app === claim.app) continue;
        const nested =
          claim.pattern.path.startsWith(other.pattern.path) ||
          other.pattern.path.startsWith(claim.pattern.path);
        if (!nested) continue;
        if (claim.app.isCustom) report(claim, other);
        else if (other.app.isCustom) report(other, claim);
      }
      const dot = host.indexOf('.');
      host = dot === -1 ? '' : host.slice(dot + 1);
    }
  }
  return issues;
}
