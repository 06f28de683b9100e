/** Reads what the employee sees in Signpost's warning, through its closed shadow root (CDP). */
import type { Page } from 'playwright-core';

type DomNode = {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
};

export type WarningView = {
  app: string;
  action: string;
  parent: string;
  /** All text, also of collapsed or unexpanded parts. */
  text: string;
  /** Text outside elements with the `hidden` attribute: what is on screen. */
  visibleText: string;
  links: { href: string; text: string }[];
};

const attribute = (node: DomNode, name: string) => {
  const list = node.attributes ?? [];
  const index = list.indexOf(name);
  return index % 2 === 0 ? list[index + 1] : undefined;
};

function textOf(node: DomNode, visibleOnly = false): string {
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE') return '';
  if (visibleOnly && (node.attributes ?? []).some((name, i) => i % 2 === 0 && name === 'hidden'))
    return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])]
    .map((child) => textOf(child, visibleOnly))
    .join(' ');
}

function linksOf(node: DomNode): { href: string; text: string }[] {
  const own =
    node.nodeName === 'A'
      ? [{ href: attribute(node, 'href') ?? '', text: textOf(node).trim() }]
      : [];
  return [...own, ...[...(node.shadowRoots ?? []), ...(node.children ?? [])].flatMap(linksOf)];
}

/** Reads the warning through its closed shadow root (CDP pierces it), or null if there is none. */
export async function readWarning(page: Page): Promise<WarningView | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const find = (node: DomNode, parent: string): WarningView | null => {
      if (node.nodeName === 'SIGNPOST-WARNING') {
        return {
          app: attribute(node, 'data-app') ?? '',
          action: attribute(node, 'data-action') ?? '',
          parent,
          text: textOf(node).replace(/\s+/g, ' ').trim(),
          visibleText: textOf(node, true).replace(/\s+/g, ' ').trim(),
          links: linksOf(node),
        };
      }
      for (const child of node.children ?? []) {
        const found = find(child, node.nodeName);
        if (found) return found;
      }
      return null;
    };
    return find(root, '');
  } finally {
    await cdp.detach();
  }
}

/** Waits for the warning to be shown (polling the DOM, never a fixed sleep). */
export async function waitForWarning(page: Page, timeoutMs = 10_000): Promise<WarningView> {
  await page.waitForSelector('signpost-warning', { state: 'attached', timeout: timeoutMs });
  const view = await readWarning(page);
  if (!view) throw new Error('warning vanished');
  return view;
}

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

/** Runs `use` on the button or link inside the warning's closed shadow root with text `label`. */
async function withControl<T>(
  page: Page,
  label: string,
  use: (cdp: Cdp, nodeId: number) => Promise<T>,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode & { nodeId: number };
    };
    const find = (node: DomNode & { nodeId?: number }): number | undefined => {
      if (
        (node.nodeName === 'BUTTON' || node.nodeName === 'A') &&
        (textOf(node).trim() === label || attribute(node, 'aria-label') === label)
      )
        return node.nodeId;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
        const found = find(child);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    const nodeId = find(root);
    if (nodeId === undefined) throw new Error(`no "${label}" in the warning`);
    return await use(cdp, nodeId);
  } finally {
    await cdp.detach();
  }
}

/** Clicks a button or link inside the warning's closed shadow root, found by its text (via CDP). */
export async function clickInWarning(page: Page, label: string): Promise<void> {
  await withControl(page, label, async (cdp, nodeId) => {
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId })) as {
      object: { objectId: string };
    };
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { this.click(); }',
    });
  });
}

/** The centre of a button or link in the warning, in viewport pixels (via CDP). */
export async function controlCentre(page: Page, label: string): Promise<{ x: number; y: number }> {
  return withControl(page, label, async (cdp, nodeId) => {
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as {
      model: { border: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  });
}
