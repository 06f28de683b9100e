/**
 * Plans the declarativeNetRequest rules for a compiled policy within the browser's limits, so a
 * blocked app's page never leaves the browser, and the rules agree with the engine (decide.ts).
 * Pure: the platform adapter installs the plan and reports what the browser refused.
 *
 * How the plan holds at scale (browser limits: Chromium 30,000 dynamic rules of which 5,000
 * redirects, 1,000 regex rules for dynamic and session rules together, 2 KB of RE2 memory per regex;
 * Firefox 5,000 dynamic rules, 1,000 regex rules):
 * - Host-only patterns need no regex to match: each rule lists many hosts in `requestDomains`
 *   (which also covers subdomains, ports and trailing dots). Only the page redirect carries a
 *   regex, and a tiny one (`^.+$`), because the substitution needs the URL.
 * - Path patterns share a rule per path (all hosts with that path in one `requestDomains`), and
 *   past the regex budget several paths share one regex. Sharing may catch a page of one app's
 *   host under another app's path: such pages reach the block page, which decides with the engine
 *   and lets anything not blocked through (a "release"). On a canonical URL the plan is exact
 *   until then (`summary.isExact`).
 * - Precedence (precedence.ts) becomes rule priority by layers: a claim gets a higher layer than
 *   every overlapping claim it outranks and must beat (a blocked app inside an allowed one inside a
 *   blocked one…), so the number of priorities is the nesting depth, not the number of apps.
 */
import type { CompiledPolicy } from './compile';
import {
  ESCAPED_PATH_REGEX,
  FRAME_TYPES,
  SUBRESOURCE_TYPES,
  ALL_TYPES,
  pathsRegex,
  patternUrlFilters,
  type DnrRule,
} from './dnr-rules';
import { fit, groupByPath, prefixWithin, regexCost } from './rule-groups';
import { claimsOf, layerClaims } from './rule-layers';

/** What the browser allows, as the planner needs it. */
export type RuleBudget = {
  /** Dynamic rules in all. */
  maxRules: number;
  /** Dynamic rules with a redirect action. */
  maxUnsafeRules: number;
  /** Dynamic rules with a regexFilter (a reserve for session rules already taken off). */
  maxRegexRules: number;
  /**
   * How much path one regex can carry (Chromium's RE2 memory limit), in `regexCost` units (about
   * one per character); null when unlimited.
   */
  maxRegexPathChars: number | null;
};

/** Chromium 156 as measured (README "Network rules"): 30,000 rules, 5,000 redirects, 1,000 regexes. */
export const CHROMIUM_BUDGET: RuleBudget = {
  maxRules: 30_000,
  maxUnsafeRules: 5_000,
  maxRegexRules: 950,
  maxRegexPathChars: 90,
};

/** Firefox ESR 153: 5,000 dynamic rules, 1,000 regexes, no regex memory limit (JavaScript). */
export const FIREFOX_BUDGET: RuleBudget = {
  maxRules: 5_000,
  maxUnsafeRules: 5_000,
  maxRegexRules: 950,
  maxRegexPathChars: null,
};

/** Priority of the rules that let a tab through (continue anyway, releases): above every layer. */
export const RELEASE_PRIORITY = 1_000_000;

/** A planned rule set and what it means for the employee. */
export type RulePlan = {
  rules: DnrRule[];
  summary: {
    /** Patterns of blocked apps (after identical patterns were merged). */
    blockedPatterns: number;
    /** Nesting depth of opposite decisions (rule priorities used). */
    layers: number;
    regexRules: number;
    redirectRules: number;
    /** Every canonical page URL is decided by the rules alone exactly as by the engine. */
    isExact: boolean;
    /** Path patterns whose regex is shared with other paths (their hosts may see releases). */
    sharedPathPatterns: number;
    /** Path patterns checked by a shorter prefix than written (long paths, tight budget). */
    shortenedPathPatterns: number;
    /** Allowed patterns inside blocked ones left to releases for want of regex rules. */
    releasedAllowPatterns: number;
    /** Blocked path patterns whose sub-requests (scripts, XHR) are not blocked: rule budget. */
    unblockedSubresourcePatterns: number;
  };
};

/** The rule priority of a layer; odd priorities between them are for tab allowances. */
export const layerPriority = (layer: number): number => 2 * layer;

const sorted = (hosts: Iterable<string>) => [...new Set(hosts)].sort();

/**
 * Plans the rules for `policy`.
 * @param blockedPageUrl the extension's `blocked.html` URL
 */
export function planNetworkRules(
  policy: CompiledPolicy,
  blockedPageUrl: string,
  budget: RuleBudget,
): RulePlan {
  const claims = layerClaims(claimsOf(policy.apps));
  const blocked = claims.filter((c) => c.app.action === 'block');
  const allowed = claims.filter((c) => c.app.action !== 'block' && c.layer > 0);
  const layers = Math.max(0, ...claims.map((c) => c.layer));
  const summary: RulePlan['summary'] = {
    blockedPatterns: blocked.length,
    layers,
    regexRules: 0,
    redirectRules: 0,
    isExact: true,
    sharedPathPatterns: 0,
    shortenedPathPatterns: 0,
    releasedAllowPatterns: 0,
    unblockedSubresourcePatterns: 0,
  };

  const hostOnlyBlocked = blocked.filter((c) => c.pattern.path === '');
  const pathBlocked = blocked.filter((c) => c.pattern.path !== '');
  const maxChars = budget.maxRegexPathChars;
  // A path longer than one regex can carry is checked by its prefix (pages only: sub-request
  // rules have no such limit).
  if (maxChars !== null)
    for (const claim of pathBlocked)
      if (regexCost(claim.pattern.path) > maxChars)
        claim.regexPath = prefixWithin(claim.pattern.path, maxChars);
  const escapeLayers = new Map<number, Set<string>>();
  for (const claim of pathBlocked) {
    const hosts = escapeLayers.get(claim.layer) ?? new Set<string>();
    escapeLayers.set(claim.layer, hosts.add(claim.pattern.host));
  }

  // Allowed path patterns need an exact regex each (a shared one would let blocked pages through).
  let allowPathGroups = groupByPath(
    allowed.filter((c) => c.pattern.path !== ''),
    false,
  );
  const hostGroupsPerLayer = groupByPath(hostOnlyBlocked, false);
  // Per app while that fits: the redirect then names the app (blocked.html?app=…).
  let hostGroups = groupByPath(hostOnlyBlocked, true);
  let blockPathGroups = groupByPath(pathBlocked, true);
  const regexes = () =>
    escapeLayers.size + allowPathGroups.length + hostGroups.length + blockPathGroups.length;
  if (regexes() > budget.maxRegexRules) hostGroups = hostGroupsPerLayer;
  if (regexes() > budget.maxRegexRules) blockPathGroups = groupByPath(pathBlocked, false);
  const pathLayers = new Set(blockPathGroups.map((g) => g.layer)).size;
  if (
    escapeLayers.size + allowPathGroups.length + hostGroups.length + pathLayers >
    budget.maxRegexRules
  ) {
    // Not even one shared regex per layer would be left: allowed paths inside blocked ones are
    // then let through by the block page (a release) instead of a rule.
    summary.releasedAllowPatterns = allowPathGroups.reduce((n, g) => n + g.claims, 0);
    allowPathGroups = [];
  }
  if (regexes() > budget.maxRegexRules)
    blockPathGroups = fit(
      blockPathGroups,
      budget.maxRegexRules - escapeLayers.size - allowPathGroups.length - hostGroups.length,
      maxChars,
    );
  for (const group of blockPathGroups) {
    if (group.paths.length > 1) summary.sharedPathPatterns += group.claims;
    summary.shortenedPathPatterns += group.shortenedClaims;
  }

  const rules: DnrRule[] = [];
  const add = (rule: Omit<DnrRule, 'id'>) => rules.push({ id: rules.length + 1, ...rule });
  const redirect = (appIds: Set<string>) => {
    const [only] = appIds;
    return {
      type: 'redirect' as const,
      redirect: {
        regexSubstitution:
          appIds.size === 1 && only
            ? `${blockedPageUrl}?app=${only}&url=\\0`
            : `${blockedPageUrl}?url=\\0`,
      },
    };
  };
  for (const group of [...hostGroups, ...blockPathGroups]) {
    add({
      priority: layerPriority(group.layer),
      action: redirect(group.appIds),
      condition: {
        requestDomains: sorted(group.hosts),
        regexFilter: pathsRegex(group.paths),
        isUrlFilterCaseSensitive: false,
        resourceTypes: [...FRAME_TYPES],
      },
    });
  }
  for (const [layer, hosts] of escapeLayers) {
    add({
      priority: layerPriority(layer),
      action: redirect(new Set()),
      condition: {
        requestDomains: sorted(hosts),
        regexFilter: ESCAPED_PATH_REGEX,
        isUrlFilterCaseSensitive: false,
        resourceTypes: [...FRAME_TYPES],
      },
    });
  }
  for (const group of allowPathGroups) {
    add({
      priority: layerPriority(group.layer),
      action: { type: 'allow' },
      condition: {
        requestDomains: sorted(group.hosts),
        regexFilter: pathsRegex(group.paths),
        isUrlFilterCaseSensitive: false,
        resourceTypes: [...ALL_TYPES],
      },
    });
  }
  summary.regexRules = rules.length;
  summary.redirectRules = rules.filter((r) => r.action.type === 'redirect').length;

  // Rules without a regex: host-only sub-requests, host-only allows, then path sub-requests.
  for (const group of hostGroupsPerLayer) {
    add({
      priority: layerPriority(group.layer),
      action: { type: 'block' },
      condition: {
        requestDomains: sorted(group.hosts),
        isUrlFilterCaseSensitive: false,
        resourceTypes: [...SUBRESOURCE_TYPES],
      },
    });
  }
  for (const group of groupByPath(
    allowed.filter((c) => c.pattern.path === ''),
    false,
  )) {
    add({
      priority: layerPriority(group.layer),
      action: { type: 'allow' },
      condition: {
        requestDomains: sorted(group.hosts),
        isUrlFilterCaseSensitive: false,
        resourceTypes: [...ALL_TYPES],
      },
    });
  }
  for (const claim of pathBlocked) {
    const filters = patternUrlFilters(claim.pattern);
    if (filters.length === 0 || rules.length + filters.length > budget.maxRules) {
      summary.unblockedSubresourcePatterns++;
      continue;
    }
    for (const urlFilter of filters)
      add({
        priority: layerPriority(claim.layer),
        action: { type: 'block' },
        condition: {
          urlFilter,
          isUrlFilterCaseSensitive: false,
          resourceTypes: [...SUBRESOURCE_TYPES],
        },
      });
  }
  summary.isExact =
    summary.sharedPathPatterns === 0 &&
    summary.shortenedPathPatterns === 0 &&
    summary.releasedAllowPatterns === 0;
  return { rules, summary };
}
