/**
 * URL → app → decision. Pure and total: every input gives a Decision, nothing throws.
 * Build a matcher once per compiled policy; each lookup walks the URL host's suffixes.
 * Which app wins when several match is decided in precedence.ts.
 */
import {
  isPatternMatch,
  parseHttpUrl,
  normalizeHost,
  normalizePath,
  type HostPattern,
  type UrlTarget,
} from './pattern';
import type { CompiledApp, DecisionReason, ResolvedAlternative } from './compile';
import { isExplicitReason, outranks, type Claim } from './precedence';
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
export type Matcher<T = CompiledApp> = (url: string) => T | null;

type Entry<T> = { app: T; claim: Claim };

/**
 * Indexes the patterns of `apps` by host, once; each lookup walks the URL host's suffixes
 * (`a.web.whatsapp.com`, `web.whatsapp.com`, `whatsapp.com`, `com`), so its cost does not grow
 * with the number of apps. When several patterns match, precedence.ts decides.
 * Hot path: the path is only normalised when the host has a pattern at all.
 */
export function createClaimMatcher<T extends { patterns: readonly HostPattern[] }>(
  apps: readonly T[],
  isExplicit: (app: T) => boolean,
): Matcher<T> {
  const byHost = new Map<string, Entry<T>[]>();
  apps.forEach((app, order) => {
    const explicit = isExplicit(app);
    for (const pattern of app.patterns) {
      const entries = byHost.get(pattern.host) ?? [];
      entries.push({ app, claim: { pattern, isExplicit: explicit, order } });
      byHost.set(pattern.host, entries);
    }
  });
  return (url) => {
    const parsed = parseHttpUrl(url);
    if (!parsed) return null;
    const fullHost = parsed.hostname.endsWith('.')
      ? normalizeHost(parsed.hostname)
      : parsed.hostname;
    let target: UrlTarget | undefined;
    let best: Entry<T> | undefined;
    for (let host = fullHost; host !== '';) {
      const entries = byHost.get(host);
      if (entries) {
        target ??= { host: fullHost, path: normalizePath(parsed.pathname) };
        for (const entry of entries) {
          if (
            isPatternMatch(entry.claim.pattern, target) &&
            (!best || outranks(entry.claim, best.claim))
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

/** The matcher of a compiled policy's apps. */
export function createMatcher(apps: readonly CompiledApp[]): Matcher {
  return createClaimMatcher(apps, (app) => isExplicitReason(app.reason));
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
