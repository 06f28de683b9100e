/**
 * axe-core in real Chromium: on extension pages directly, and on the banner inside its closed
 * shadow root, reached through CDP (which pierces closed roots).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown }[];
};

const OPTIONS = {
  resultTypes: ['violations'],
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
};

/** Serious and critical violations on the whole page. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async (options) =>
      (
        await (
          globalThis as unknown as {
            axe: { run(c: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> };
          }
        ).axe.run(document, options)
      ).violations,
    OPTIONS,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

type Node = { nodeId: number; nodeName: string; children?: Node[]; shadowRoots?: Node[] };

/** Serious and critical violations inside Signpost's warning (its closed shadow root). */
export async function seriousBannerViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: Node;
    };
    const find = (node: Node): Node | undefined => {
      if (node.nodeName === 'SIGNPOST-WARNING') return node.shadowRoots?.[0];
      for (const child of node.children ?? []) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const shadow = find(root);
    if (!shadow) throw new Error('no warning with a shadow root');
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId })) as {
      object: { objectId: string };
    };
    const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      awaitPromise: true,
      returnByValue: true,
      arguments: [{ value: OPTIONS }],
      // axe walks shadow trees through element.shadowRoot, which is null for a closed root: expose
      // this one root to it on the host instance while axe runs, then take it away again.
      functionDeclaration: `async function (options) {
        const root = this;
        Object.defineProperty(root.host, 'shadowRoot', { get: () => root, configurable: true });
        try {
          return (await axe.run(root.querySelector('section'), options)).violations;
        } finally {
          delete root.host.shadowRoot;
        }
      }`,
    })) as { result: { value: AxeViolation[] }; exceptionDetails?: unknown };
    if (!Array.isArray(result.value))
      throw new Error(
        `axe failed in the banner: ${JSON.stringify(exceptionDetails ?? result).slice(0, 800)}`,
      );
    return result.value.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  } finally {
    await cdp.detach();
  }
}
