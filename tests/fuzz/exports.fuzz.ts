/** The exports against 10,000 fuzzed policies, every target each (`npm run test:fuzz`). */
import { expect, it } from 'vitest';
import { fuzzExports } from './export-cases';

const RUNS = Number(process.env.FUZZ_EXPORT_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

it(`every export reads back exactly, or refuses, for ${String(RUNS)} fuzzed policies`, () => {
  const stats = fuzzExports(RUNS, SEED);
  console.log(
    `fuzz exports: ${String(stats.policies)} policies, ${String(stats.files)} files read back, ` +
      `${String(stats.refusals)} refusals`,
  );
  expect(stats.files).toBeGreaterThan(0);
});
