/**
 * docs/policy.md is the public contract in the repo's own words; the zod schema implements it.
 * This test keeps the two in step: every schema field has a row, every row is a schema field, and
 * the README's summary table names no field the schema lacks.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFieldPaths } from '../../support/schema-paths';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The backticked names in the first column of a markdown table's rows. */
const firstColumnNames = (markdown: string) =>
  markdown
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .flatMap((line) =>
      [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''),
    );

describe('the policy contract', () => {
  it('docs/policy.md has one row for every schema field, and no other', () => {
    const documented = firstColumnNames(readFileSync(resolve(ROOT, 'docs/policy.md'), 'utf8'));
    expect([...documented].sort()).toEqual([...schemaFieldPaths()].sort());
  });

  it("the README's policy table names only schema fields", () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('### Policy fields'),
      readme.indexOf('#### Reasons to continue'),
    );
    const paths = schemaFieldPaths();
    const names = firstColumnNames(table).map((name) => name.replace(/\[\]$/, ''));
    expect(names.length).toBeGreaterThan(20);
    for (const name of names)
      expect(
        paths.some(
          (path) =>
            path === name ||
            path.startsWith(`${name}.`) ||
            path.startsWith(`${name}[]`) ||
            path.endsWith(`.${name}`),
        ),
        name,
      ).toBe(true);
  });
});
