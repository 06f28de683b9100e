/** Tiny DOM helpers for Signpost's own UI. Text only: nothing here ever parses HTML. */

/** Creates an element with optional class and text, appended to `parent` when given. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: {
    className?: string;
    text?: string;
    parent?: Node;
    attrs?: Record<string, string>;
  } = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  options.parent?.appendChild(node);
  return node;
}

/** A link, only if the URL is one of the allowed schemes; otherwise plain text. */
export function safeLink(
  url: string,
  text: string,
  parent: Node,
  schemes = ['https:'],
): HTMLElement {
  let isAllowed = false;
  try {
    isAllowed = schemes.includes(new URL(url).protocol);
  } catch {
    isAllowed = false;
  }
  if (!isAllowed) return h('span', { text, parent });
  const link = h('a', { text, parent });
  link.href = url;
  return link;
}

/** What a page shows when it cannot load (never a blank page): the reason, as text. */
export function renderPageError(main: HTMLElement, text: string): void {
  main.replaceChildren();
  h('p', { className: 'fallback', text, parent: main, attrs: { role: 'alert', id: 'page-error' } });
}
