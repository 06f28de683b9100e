/**
 * The layers hold by lint, not by habit: `npm run lint` fails on a forbidden import. Each case
 * writes a small file into the layer, lints it with the project's own ESLint config, and removes it.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

async function lintIn(layer: string, code: string): Promise<string[]> {
  const file = resolve(ROOT, layer, `lint-fixture-${String(process.pid)}.ts`);
  writeFileSync(file, code);
  try {
    const [result] = await new ESLint({ cwd: ROOT }).lintFiles([file]);
    return (result?.messages ?? [])
      .filter((m) => m.severity === 2)
      .map((m) => m.ruleId ?? m.message);
  } finally {
    rmSync(file, { force: true });
  }
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

describe('layers', () => {
  it.each([
    [
      'the engine',
      'src/policy',
      "import { browser } from 'wxt/browser';\nexport const x = browser;\n",
    ],
    [
      'the engine',
      'src/policy',
      "import { renderPopup } from '../ui/popup';\nexport const x = renderPopup;\n",
    ],
    [
      'the catalogue',
      'src/catalogue',
      "import { parsePattern } from '../policy/pattern';\nexport const x = parsePattern;\n",
    ],
    ['ui', 'src/ui', "import { browser } from 'wxt/browser';\nexport const x = browser;\n"],
    ['ui', 'src/ui', "import { send } from '../messaging/client';\nexport const x = send;\n"],
    [
      'the worker logic',
      'src/background',
      "import { readManagedPolicy } from '../platform/managed-policy';\nexport const x = readManagedPolicy;\n",
    ],
    ['the worker logic', 'src/background', "import { h } from '../ui/dom';\nexport const x = h;\n"],
    [
      'adapters',
      'src/platform',
      "import { createHandlers } from '../background/handlers';\nexport const x = createHandlers;\n",
    ],
    ['the content script', 'src/content', "import { z } from 'zod';\nexport const x = z;\n"],
  ])(
    'refuses a forbidden import in %s (%s)',
    async (_, layer, code) => {
      expect(await lintIn(layer, code)).toContain(RESTRICTED);
    },
    60_000,
  );

  it('allows type-only imports across layers and what a layer may use', async () => {
    expect(
      await lintIn(
        'src/ui',
        "import type { ReplyOf } from '../messaging/protocol';\nimport type { PageContext } from '../messaging/page-context';\nimport { h } from './dom';\nexport const x = (r: ReplyOf<'getTabState'>, c: PageContext) => h('p', { text: r.state + c.language });\n",
      ),
    ).toEqual([]);
  }, 60_000);

  it('refuses the browser globals in the pure core', async () => {
    expect(
      await lintIn(
        'src/status',
        "export const x = (): Promise<Response> => fetch('https://x.test/');\n",
      ),
    ).toContain('no-restricted-globals');
  }, 60_000);
});
