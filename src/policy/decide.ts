/**
 * URL → app → decision. Pure and total: every input gives a Decision, nothing throws.
 * Build a matcher once per compiled policy; each lookup walks the URL host's suffixes.
 */
import {
  isPatternMatch,
  parseHttpUrl,
  normalizeHost,
  normalizePath,
  type HostPattern,
  type UrlTarget,
} from './pattern';
import type { CompiledApp, CompiledPolicy, DecisionReason, ResolvedAlternative } from './compile';
import type { Action } from './schema';

/** What the employee gets on a URL, and why. */
export type Decision = {
  appId: string | null;
  action: Action;
  reason: DecisionReason;
  ruleIndex?: number;
  alternative?: ResolvedAlternative;
  failedRequirements: CompiledApp['failedRequirements'];
  app?: CompiledApp;
};

/** Finds the app a URL belongs to. */
export type Matcher = (url: string) => CompiledApp | null;

type Entry = { app: CompiledApp; pattern: HostPattern; specificity: number };

/**
 * Indexes the apps' patterns by host. When several patterns match, the most specific (longest
 * host + path) wins; on a tie the earlier app wins (custom apps come before the catalogue).
 * Hot path: the path is only normalised when the host has a pattern at all.
 */
export function createMatcher(apps: readonly CompiledApp[]): Matcher {
  const byHost = new Map<string, Entry[]>();
  for (const app of apps) {
    for (const pattern of app.patterns) {
      const entries = byHost.get(pattern.host) ?? [];
      entries.push({ app, pattern, specificity: pattern.host.length + pattern.path.length });
      byHost.set(pattern.host, entries);
    }
  }
  return (url) => {
    const parsed = parseHttpUrl(url);
    if (!parsed) return null;
    const fullHost = parsed.hostname.endsWith('.')
      ? normalizeHost(parsed.hostname)
      : parsed.hostname;
    let target: UrlTarget | undefined;
    let best: Entry | undefined;
    for (let host = fullHost; host !== '';) {
      const entries = byHost.get(host);
      if (entries) {
        target ??= { host: fullHost, path: normalizePath(parsed.pathname) };
        for (const entry of entries) {
          if (
            isPatternMatch(entry.pattern, target) &&
            (!best || entry.specificity > best.specificity)
          )
            best = entry;
        }
      }
      const dot = host.indexOf('.');
      host = dot === -1 ? '' : host.slice(dot + 1);
    }
    return best?.app ?? null;
  };
}

const NO_MATCH: Decision = Object.freeze({
  appId: null,
  action: 'allow',
  reason: 'no-match',
  failedRequirements: [],
});
const decisions = new WeakMap<CompiledApp, Decision>();

/** The decision for an app as compiled (one shared, read-only object per app). */
export function decisionFor(app: CompiledApp): Decision {
  let decision = decisions.get(app);
  if (!decision) {
    decision = {
      appId: app.id,
      action: app.action,
      reason: app.reason,
      ...(app.ruleIndex === undefined ? {} : { ruleIndex: app.ruleIndex }),
      ...(app.alternative ? { alternative: app.alternative } : {}),
      failedRequirements: app.failedRequirements,
      app,
    };
    decisions.set(app, decision);
  }
  return decision;
}

/**
 * Decides what happens on `url`. Total: an unparsable or unmatched URL is `allow` / `no-match`.
 * @example decide(matcher, 'https://web.telegram.org/k/') // → {appId: 'telegram', action: 'warn', reason: 'default', …}
 */
export function decide(matcher: Matcher, url: string): Decision {
  let app: CompiledApp | null;
  try {
    app = matcher(url);
  } catch {
    app = null;
  }
  return app ? decisionFor(app) : NO_MATCH;
}

/** Convenience for one-off decisions (tests, CLI): compiles the matcher too. */
export function decideUrl(policy: CompiledPolicy, url: string): Decision {
  return decide(createMatcher(policy.apps), url);
}
