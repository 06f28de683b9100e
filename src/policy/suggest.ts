/**
 * "Did you mean" suggestions for typos in keys and ids, within a fixed amount of work per
 * document: a policy with thousands of unknown ids, or ids of 100,000 characters, must still parse
 * in linear time (issue 13), so long inputs get no search, far-off candidates are skipped by
 * length, the distance table is a narrow band, and a document's searches share one budget.
 */

/** Typos are short; a longer input gets no suggestion. */
export const MAX_SUGGESTION_INPUT = 64;

/**
 * Candidates one document may compare against in all (a few dozen per unknown key or id with the
 * catalogue's ~30 ids); later unknown values are reported without a suggestion.
 */
export const SUGGESTION_BUDGET = 20_000;

/**
 * Edit distance with adjacent transpositions (optimal string alignment), for "did you mean"
 * suggestions: `temas` is one edit from `teams`. With `limit`, any distance above it is returned
 * as `limit + 1`, and only the diagonal band of width `2 × limit + 1` is computed (O(n × limit)).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const cap = Math.min(limit, Math.max(a.length, b.length));
  const far = cap + 1;
  if (Math.abs(a.length - b.length) > cap) return far;
  const width = b.length + 1;
  // Three rows suffice: the current one, the previous one and, for transpositions, the one before.
  // Cells outside the band hold `far` (they are more than `cap` edits away by their position).
  let before = new Array<number>(width).fill(far);
  let previous = Array.from({ length: width }, (_, j) => (j <= cap ? j : far));
  let current = new Array<number>(width).fill(far);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - cap);
    const to = Math.min(b.length, i + cap);
    current[from - 1] = from === 1 && i <= cap ? i : far;
    if (to < b.length) current[to + 1] = far;
    let rowBest = current[from - 1] ?? far;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? far) + 1,
        (current[j - 1] ?? far) + 1,
        (previous[j - 1] ?? far) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] ?? far) + 1);
      current[j] = Math.min(best, far);
      rowBest = Math.min(rowBest, best);
    }
    // No later cell is below this row's best: once past the limit, nothing comes back under it.
    if (rowBest > cap) return far;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? far, far);
}

/** Finds the nearest candidate to an input, or nothing; see `createSuggester`. */
export type Suggester = (input: string, candidates: readonly string[]) => string | undefined;

/**
 * A suggester for one document: each call costs one unit per candidate it looks at, and once
 * `budget` units are spent every later call returns nothing. The suggestion is the candidate
 * nearest to `input` (case-insensitive), if it is close enough to be a likely typo: at most a
 * third of the input's length away, and at most 3 edits.
 */
export function createSuggester(budget = SUGGESTION_BUDGET): Suggester {
  let left = budget;
  return (input, candidates) => {
    if (input.length > MAX_SUGGESTION_INPUT || left <= 0) return undefined;
    const limit = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
    const wanted = input.toLowerCase();
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
      if (left-- <= 0) return undefined;
      if (Math.abs(candidate.length - input.length) > limit) continue;
      const distance = editDistance(wanted, candidate.toLowerCase(), bestDistance - 1);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  };
}

/**
 * The candidate nearest to `input`, as `createSuggester` finds it, for a single lookup.
 * @example suggest('defaultActon', ['defaultAction', 'rules']) // → 'defaultAction'
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  return createSuggester(Infinity)(input, candidates);
}
