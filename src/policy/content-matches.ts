/**
 * Browser match patterns for the content scripts Signpost registers at runtime: custom app hosts,
 * and the early-warning script on exactly the pages whose warning is due now. Pure.
 */
import { CATALOGUE } from '../catalogue';
import type { CompiledApp } from './compile';
import { toHostMatchPatterns, type HostPattern } from './pattern';

/** A match pattern for the host (and subdomains) of a pattern, ignoring its path. */
export function hostMatchPattern(pattern: HostPattern): string {
  return `*://*.${pattern.host}/*`;
}

/** A match pattern for exactly the pages of a pattern (path prefix included). */
export function pageMatchPattern(pattern: HostPattern): string {
  return pattern.path === '' ? hostMatchPattern(pattern) : `*://*.${pattern.host}${pattern.path}*`;
}

/** Whole hosts of the custom apps: the content script follows in-app navigation there. */
export function customAppMatches(apps: readonly CompiledApp[]): string[] {
  return [
    ...new Set(
      apps.filter((app) => app.isCustom).flatMap((app) => app.patterns.map(hostMatchPattern)),
    ),
  ];
}

/**
 * Pages where the warning is due now: apps whose action is `warn` and whose warning the employee
 * has not acknowledged. The early script puts the element in place before the page parses, so the
 * decision never waits on a storage read.
 */
export function earlyWarningMatches(
  apps: readonly CompiledApp[],
  isAcknowledged: (appId: string) => boolean,
): string[] {
  const due = apps.filter((app) => app.action === 'warn' && !isAcknowledged(app.id));
  return [...new Set(due.flatMap((app) => app.patterns.map(pageMatchPattern)))].sort();
}

/**
 * Match patterns for the static content script: every host of every catalogue app, whole host,
 * so in-app navigation into a path-specific part (x.com → x.com/messages) is seen too.
 */
export function contentScriptMatches(): string[] {
  return [...new Set(CATALOGUE.flatMap((app) => app.match.flatMap(toHostMatchPatterns)))];
}
