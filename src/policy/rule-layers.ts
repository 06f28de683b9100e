/**
 * Turns precedence (precedence.ts) into rule layers for the network-rule planner. Two claims of
 * different apps that can match the same URL (hosts nested, paths nested) and where at least one
 * is blocked must be ordered: the one that wins gets a higher layer, hence a higher rule priority.
 * Claims that never meet share a layer, so a policy with 5,000 unrelated blocked apps needs one.
 * Pure; the work grows with the number of overlapping pairs, not with apps × apps.
 */
import type { CompiledApp } from './compile';
import type { HostPattern } from './pattern';
import { comparePrecedence, isExplicitReason, type Claim } from './precedence';

/**
 * A claim with what the planner adds: its app, its layer, and the shorter path prefix its page
 * rule checks when the full path does not fit in a regex.
 */
export type PlannedClaim = Claim & { app: CompiledApp; layer: number; regexPath?: string };

/**
 * One claim per distinct pattern: when several apps list the very same pattern, only the one that
 * wins it (precedence) can ever decide its URLs.
 */
export function claimsOf(apps: readonly CompiledApp[]): PlannedClaim[] {
  const byPattern = new Map<string, PlannedClaim>();
  apps.forEach((app, order) => {
    const isExplicit = isExplicitReason(app.reason);
    for (const pattern of app.patterns) {
      const claim: PlannedClaim = { pattern, isExplicit, order, app, layer: 0 };
      const key = `${pattern.host} ${pattern.path}`;
      const held = byPattern.get(key);
      if (!held || comparePrecedence(claim, held) < 0) byPattern.set(key, claim);
    }
  });
  return [...byPattern.values()];
}

/** The hosts a host falls under: itself, then each parent domain. */
function* hostAndParents(host: string): Generator<string> {
  for (let at = host; at !== '';) {
    yield at;
    const dot = at.indexOf('.');
    at = dot === -1 ? '' : at.slice(dot + 1);
  }
}

type HostIndex = { byPath: Map<string, PlannedClaim>; paths: string[] };

function indexByHost(claims: readonly PlannedClaim[]): Map<string, HostIndex> {
  const index = new Map<string, HostIndex>();
  for (const claim of claims) {
    const entry = index.get(claim.pattern.host) ?? { byPath: new Map(), paths: [] };
    entry.byPath.set(claim.pattern.path, claim);
    index.set(claim.pattern.host, entry);
  }
  for (const entry of index.values()) entry.paths = [...entry.byPath.keys()].sort();
  return index;
}

/** First index in sorted `paths` whose value is > `path`. */
function firstAfter(paths: readonly string[], path: string): number {
  let low = 0;
  let high = paths.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((paths[middle] ?? '') <= path) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Calls `meet` once for every pair of claims that can match the same URL, found from the side of
 * the claim with the deeper host (or, on one host, the longer path).
 */
function forEachOverlap(
  claims: readonly PlannedClaim[],
  meet: (a: PlannedClaim, b: PlannedClaim) => void,
): void {
  const index = indexByHost(claims);
  for (const claim of claims) {
    const { host, path } = claim.pattern;
    for (const at of hostAndParents(host)) {
      const entry = index.get(at);
      if (!entry) continue;
      // Claims at `at` whose path is a prefix of this one's (a proper one on the same host).
      for (let length = 0; length <= path.length; length++) {
        if (at === host && length === path.length) break;
        const other = entry.byPath.get(path.slice(0, length));
        if (other) meet(claim, other);
      }
      if (at === host) continue;
      // Claims on a parent host whose path extends this one's.
      for (let i = firstAfter(entry.paths, path); i < entry.paths.length; i++) {
        const longer = entry.paths[i] ?? '';
        if (!longer.startsWith(path)) break;
        const other = entry.byPath.get(longer);
        if (other) meet(claim, other);
      }
    }
  }
}

/**
 * Sets each claim's layer: 0 for an allowed or warned claim that no blocked claim underlies (it
 * needs no rule), ≥ 1 for blocked claims, and above every overlapping claim it outranks and must
 * beat. Returns the claims.
 */
export function layerClaims(claims: PlannedClaim[]): PlannedClaim[] {
  const below = new Map<PlannedClaim, PlannedClaim[]>();
  const isBlock = (c: PlannedClaim) => c.app.action === 'block';
  forEachOverlap(claims, (a, b) => {
    if (a.app === b.app || (!isBlock(a) && !isBlock(b))) return;
    const [winner, loser] = comparePrecedence(a, b) < 0 ? [a, b] : [b, a];
    const losers = below.get(winner);
    if (losers) losers.push(loser);
    else below.set(winner, [loser]);
  });
  const ascending = [...claims].sort((a, b) => comparePrecedence(b, a));
  for (const claim of ascending) {
    let layer = isBlock(claim) ? 1 : 0;
    for (const loser of below.get(claim) ?? [])
      if (loser.layer >= 1) layer = Math.max(layer, loser.layer + 1);
    claim.layer = layer;
  }
  return claims;
}

/** Whether two patterns can match one URL (hosts nested and paths nested). */
export function patternsOverlap(a: HostPattern, b: HostPattern): boolean {
  const [deep, shallow] = a.host.length >= b.host.length ? [a, b] : [b, a];
  const hostsNested = deep.host === shallow.host || deep.host.endsWith(`.${shallow.host}`);
  return hostsNested && (a.path.startsWith(b.path) || b.path.startsWith(a.path));
}
