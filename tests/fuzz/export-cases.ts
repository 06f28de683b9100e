/**
 * The exports against fuzzed policies (the documents of policy-cases.ts): for every target, a
 * validated policy is either refused with `unexportable` issues (and exportPolicy throws a
 * RangeError) or written so that the file reads back as exactly what was exported.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  exportPolicy,
  exportProblems,
  STORE_SOURCE,
  TARGETS,
  toDeployable,
} from '../../src/admin/deployment';
import { parsePolicy } from '../../src/policy/parse';
import { READERS } from '../unit/admin/export-readers';
import { policyDocument } from './policy-cases';

/** What an export fuzz run saw. */
export type ExportStats = { policies: number; files: number; refusals: number };

/** The export properties for one document, for every target. */
export function checkExports(document: unknown, stats: ExportStats): void {
  const { policy } = parsePolicy(document);
  if (!policy) return;
  stats.policies++;
  const exported = toDeployable(policy, document);
  for (const target of TARGETS) {
    const problems = exportProblems(policy, target, STORE_SOURCE, document);
    if (problems.length > 0) {
      stats.refusals++;
      for (const problem of problems)
        expect(problem).toMatchObject({ code: 'unexportable', severity: 'error' });
      expect(() => exportPolicy(policy, target, STORE_SOURCE, document)).toThrow(RangeError);
      continue;
    }
    const [file] = exportPolicy(policy, target, STORE_SOURCE, document);
    stats.files++;
    for (const readBack of READERS[target](String(file?.contents))) {
      expect(readBack).toEqual(exported);
      expect(parsePolicy(readBack).policy).toEqual(policy);
    }
  }
}

/** Runs `runs` documents through every export; fast-check reports the seed of any failure. */
export function fuzzExports(runs: number, seed?: number): ExportStats {
  const stats: ExportStats = { policies: 0, files: 0, refusals: 0 };
  fc.assert(
    fc.property(policyDocument, (document) => checkExports(document, stats)),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
  return stats;
}
