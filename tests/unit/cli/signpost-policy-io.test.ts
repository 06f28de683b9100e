/** How the admin CLI reads its input and writes its output, run as a real process. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../../src/cli/signpost-policy.mjs');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('signpost-policy input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-input-'));
  const file = (name: string, bytes: Buffer) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };

  it('accepts a UTF-8 byte-order mark at the start of the file', () => {
    const bom = file('bom.json', Buffer.from('\ufeff{"defaultAction": "block"}', 'utf8'));
    const result = cli('validate', bom);
    expect(result.stdout).toBe(`${bom}: valid\n`);
    expect(result.status).toBe(0);
  });

  it.each([
    ['a stray byte', '{"organization": {"name": "Ac', [0xff], 'me"}}', 'FF 6D 65 22'],
    ['an overlong "/"', '{"x": "', [0xc0, 0xaf], '"}', 'C0 AF 22 7D'],
    ['a UTF-16 surrogate', '{"x": "', [0xed, 0xa0, 0x80], '"}', 'ED A0 80 22'],
    ['a sequence cut off at the end', '{"x": 1}', [0xe2, 0x82], '', 'E2 82'],
  ])('reports %s as an error with its byte offset, exit 1', (_, before, bad, after, shown) => {
    const path = file(
      'bad.json',
      Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]),
    );
    const result = cli('validate', path);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${path} is not valid UTF-8: invalid byte sequence at byte offset ${String(before.length)} (${shown}); save the file as UTF-8\n`,
    );
  });

  it('stops quietly when the reader of its output goes away (| head -1)', async () => {
    const rules = Array.from({ length: 20_000 }, (_, i) => ({
      app: `unknown-${String(i)}`,
      action: 'block',
    }));
    const path = file('many.json', Buffer.from(JSON.stringify({ rules })));
    const child = spawn(process.execPath, [CLI, 'validate', path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like head -1: take the first chunk, then close the pipe while the CLI is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });
});
