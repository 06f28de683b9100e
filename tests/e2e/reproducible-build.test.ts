/**
 * Two builds of one commit give byte-identical packages (Chromium zip, Firefox zip and its sources
 * zip): what a reviewer or a store checks can be rebuilt from the source.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const WXT = join(ROOT, 'node_modules/wxt/bin/wxt.mjs');

function zipsOf(): Record<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'signpost-repro-'));
  try {
    for (const browser of ['chrome', 'firefox'])
      execFileSync(process.execPath, [WXT, 'zip', '-b', browser], {
        cwd: ROOT,
        env: { ...process.env, SIGNPOST_OUT_DIR: out },
        stdio: 'ignore',
      });
    return Object.fromEntries(
      readdirSync(out)
        .filter((name) => name.endsWith('.zip'))
        .map((name) => [
          name,
          createHash('sha256')
            .update(readFileSync(join(out, name)))
            .digest('hex'),
        ]),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

it('builds byte-identical zips twice from the same commit', () => {
  const first = zipsOf();
  const second = zipsOf();
  console.log(
    `reproducible: ${Object.entries(first)
      .map(([n, h]) => `${n} ${h.slice(0, 12)}`)
      .join(', ')}`,
  );
  expect(Object.keys(first).sort()).toEqual([
    'signpost-0.1.0-chrome.zip',
    'signpost-0.1.0-firefox.zip',
    'signpost-0.1.0-sources.zip',
  ]);
  expect(second).toEqual(first);
}, 120_000);
