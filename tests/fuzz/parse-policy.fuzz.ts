/**
 * parsePolicy against ≥ 100,000 structure-aware documents (tests/fuzz/policy-cases.ts).
 * `npm run test:fuzz`; FUZZ_RUNS and FUZZ_SEED (fast-check prints the seed of a failure) repeat a run.
 */
import { expect, it } from 'vitest';
import { fuzzParsePolicy } from './policy-cases';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

it(`parsePolicy keeps its promises on ${String(RUNS)} fuzzed policies`, () => {
  const started = performance.now();
  const stats = fuzzParsePolicy(RUNS, SEED);
  console.log(
    `fuzz: ${String(stats.cases)} cases, ${String(stats.nullPolicies)} without a policy, ` +
      `${String(stats.issues)} issues, slowest parse ${stats.maxMs.toFixed(1)} ms, ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s in all`,
  );
  expect(stats.cases).toBeGreaterThanOrEqual(RUNS);
});
