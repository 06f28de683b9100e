/** A 300-document sample of the export fuzz properties (the full run: `npm run test:fuzz`). */
import { expect, it } from 'vitest';
import { fuzzExports } from '../../fuzz/export-cases';

it('every export reads back exactly, or refuses, for 300 fuzzed policies', () => {
  const stats = fuzzExports(300);
  expect(stats.files).toBeGreaterThan(0);
});
