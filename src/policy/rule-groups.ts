/**
 * Groups of blocked or allowed path patterns that share one network rule, and how they are packed
 * into the browser's regex budget (see rule-plan.ts). Pure.
 */
import type { PlannedClaim } from './rule-layers';

/** Patterns that share one rule: its paths (a regex alternation) over all its hosts. */
export type PathGroup = {
  layer: number;
  paths: string[];
  hosts: Set<string>;
  appIds: Set<string>;
  /** Claims (app patterns) behind the group, and how many of them are checked by a prefix. */
  claims: number;
  shortenedClaims: number;
};

/** Groups claims by (layer, path[, app]), keeping every host. */
export function groupByPath(claims: readonly PlannedClaim[], perApp: boolean): PathGroup[] {
  const groups = new Map<string, PathGroup>();
  for (const claim of claims) {
    const path = claim.regexPath ?? claim.pattern.path;
    const key = `${String(claim.layer)} ${path}${perApp ? ` ${claim.app.id}` : ''}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        layer: claim.layer,
        paths: [path],
        hosts: new Set(),
        appIds: new Set(),
        claims: 0,
        shortenedClaims: 0,
      };
      groups.set(key, group);
    }
    group.hosts.add(claim.pattern.host);
    group.appIds.add(claim.app.id);
    group.claims++;
    if (claim.regexPath !== undefined) group.shortenedClaims++;
  }
  return [...groups.values()];
}

/** Joins groups into one (their regexes become one alternation over all their hosts). */
function join(groups: readonly PathGroup[]): PathGroup {
  const [first] = groups;
  const joined: PathGroup = {
    layer: first?.layer ?? 0,
    paths: [],
    hosts: new Set(),
    appIds: new Set(),
    claims: 0,
    shortenedClaims: 0,
  };
  const paths = new Set<string>();
  for (const group of groups) {
    for (const path of group.paths) paths.add(path);
    for (const host of group.hosts) joined.hosts.add(host);
    for (const id of group.appIds) joined.appIds.add(id);
    joined.claims += group.claims;
    joined.shortenedClaims += group.shortenedClaims;
  }
  joined.paths = [...paths];
  return joined;
}

/**
 * What a path costs in a Chromium regex, in the units of `RuleBudget.maxRegexPathChars`: one per
 * character, two for a `/` (written `/+`), one per alternative. Measured with isRegexSupported in
 * Chromium 156: ~96 units fit one regex (README "Blocking at scale").
 */
export function regexCost(path: string): number {
  let slashes = 0;
  for (const char of path) if (char === '/') slashes++;
  return path.length + slashes + 1;
}

/** The longest prefix of `path` that costs at most `limit`. */
export function prefixWithin(path: string, limit: number): string {
  let cost = 1;
  for (let i = 0; i < path.length; i++) {
    cost += path[i] === '/' ? 2 : 1;
    if (cost > limit) return path.slice(0, i);
  }
  return path;
}

/**
 * Packs one layer's groups into at most `slots` regexes of at most `maxChars` path characters
 * each, neighbours by path order (they share prefixes). Null when they do not fit.
 */
function pack(groups: PathGroup[], slots: number, maxChars: number | null): PathGroup[] | null {
  if (groups.length <= slots) return groups;
  const byPath = [...groups].sort((a, b) => ((a.paths[0] ?? '') < (b.paths[0] ?? '') ? -1 : 1));
  const perSlot = Math.ceil(byPath.length / slots);
  const bins: PathGroup[][] = [];
  let bin: PathGroup[] = [];
  let chars = 0;
  for (const group of byPath) {
    const length = regexCost(group.paths[0] ?? '');
    if (
      bin.length > 0 &&
      (bin.length >= perSlot || (maxChars !== null && chars + length > maxChars))
    ) {
      bins.push(bin);
      bin = [];
      chars = 0;
    }
    bin.push(group);
    chars += length;
  }
  if (bin.length > 0) bins.push(bin);
  return bins.length <= slots ? bins.map(join) : null;
}

/** Cuts every path to its prefix within `limit` and merges groups whose paths became equal. */
function shortenAll(groups: readonly PathGroup[], limit: number): PathGroup[] {
  const byPath = new Map<string, PathGroup[]>();
  for (const group of groups) {
    const path = group.paths[0] ?? '';
    const short = prefixWithin(path, limit);
    const moved = {
      ...group,
      paths: [short],
      shortenedClaims: short === path ? group.shortenedClaims : group.claims,
    };
    const same = byPath.get(short);
    if (same) same.push(moved);
    else byPath.set(short, [moved]);
  }
  return [...byPath.values()].map((same) => (same.length === 1 && same[0] ? same[0] : join(same)));
}

/** Packs one layer: as is when that fits, else with the longest prefixes that fit (binary search). */
function packLayer(groups: PathGroup[], slots: number, maxChars: number | null): PathGroup[] {
  const packed = pack(groups, slots, maxChars);
  if (packed) return packed;
  let best = [join(shortenAll(groups, 2))];
  let low = 2;
  let high = maxChars ?? Math.max(...groups.map((g) => regexCost(g.paths[0] ?? '')));
  while (low <= high) {
    const limit = (low + high) >> 1;
    const attempt = pack(shortenAll(groups, limit), slots, maxChars);
    if (attempt) {
      best = attempt;
      low = limit + 1;
    } else high = limit - 1;
  }
  return best;
}

/**
 * Fits the blocked-path groups into `slots` regexes, sharing first and checking shorter prefixes
 * only when sharing is not enough (Chromium's 2 KB per regex). Each layer gets slots in proportion
 * to its groups, at least one.
 */
export function fit(groups: PathGroup[], slots: number, maxChars: number | null): PathGroup[] {
  const byLayer = new Map<number, PathGroup[]>();
  for (const group of groups) {
    const layer = byLayer.get(group.layer);
    if (layer) layer.push(group);
    else byLayer.set(group.layer, [group]);
  }
  const layers = [...byLayer].sort(([a], [b]) => a - b);
  let left = slots;
  let groupsLeft = groups.length;
  const fitted: PathGroup[] = [];
  for (const [, layerGroups] of layers) {
    const share = Math.max(1, Math.floor((left * layerGroups.length) / groupsLeft));
    const result = packLayer(layerGroups, share, maxChars);
    fitted.push(...result);
    left -= result.length;
    groupsLeft -= layerGroups.length;
  }
  return fitted;
}
