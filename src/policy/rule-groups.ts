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
  for (const group of groups) {
    for (const path of group.paths) if (!joined.paths.includes(path)) joined.paths.push(path);
    for (const host of group.hosts) joined.hosts.add(host);
    for (const id of group.appIds) joined.appIds.add(id);
    joined.claims += group.claims;
    joined.shortenedClaims += group.shortenedClaims;
  }
  return joined;
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
    const length = (group.paths[0]?.length ?? 0) + 1;
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

/** Cuts every path of a layer to `max` characters and merges groups whose paths became equal. */
function shortenAll(groups: readonly PathGroup[], max: number): PathGroup[] {
  const byPath = new Map<string, PathGroup[]>();
  for (const group of groups) {
    const path = group.paths[0] ?? '';
    const short = path.length > max ? path.slice(0, max) : path;
    const moved = {
      ...group,
      paths: [short],
      shortenedClaims: short === path ? group.shortenedClaims : group.claims,
    };
    byPath.set(short, [...(byPath.get(short) ?? []), moved]);
  }
  return [...byPath.values()].map((same) => (same.length === 1 && same[0] ? same[0] : join(same)));
}

/**
 * Fits the blocked-path groups into `slots` regexes, sharing first and checking shorter prefixes
 * only when sharing is not enough (Chromium's 2 KB per regex). Every layer keeps at least one.
 */
export function fit(groups: PathGroup[], slots: number, maxChars: number | null): PathGroup[] {
  const byLayer = new Map<number, PathGroup[]>();
  for (const group of groups)
    byLayer.set(group.layer, [...(byLayer.get(group.layer) ?? []), group]);
  const fitted: PathGroup[] = [];
  let left = slots;
  const layers = [...byLayer].sort(([a], [b]) => a - b);
  layers.forEach(([, layerGroups], index) => {
    const share = Math.max(1, Math.floor((left * layerGroups.length) / remaining(layers, index)));
    let current = layerGroups;
    let packed = pack(current, share, maxChars);
    for (let limit = maxChars ?? 1; !packed && limit > 1;) {
      limit = Math.max(1, Math.floor(limit / 2));
      current = shortenAll(current, limit);
      packed = pack(current, share, maxChars);
    }
    const result = packed ?? [join(shortenAll(current, 1))];
    fitted.push(...result);
    left -= result.length;
  });
  return fitted;
}

/** Groups in the layers from `index` on. */
const remaining = (layers: [number, PathGroup[]][], index: number) =>
  layers.slice(index).reduce((n, [, groups]) => n + groups.length, 0);
