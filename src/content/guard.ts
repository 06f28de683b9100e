/**
 * Keeps Signpost's element in place on a page that removes it or rewrites its attributes. The
 * element's look is protected by its shadow root's `!important` host styles.
 */
export function guardElement(current: () => HTMLElement | null): { watch(): void } {
  const attributes = new Map<string, string>();
  const restore = () => {
    const element = current();
    if (!element) return;
    for (const [name, value] of attributes)
      if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    for (const name of element.getAttributeNames())
      if (!attributes.has(name)) element.removeAttribute(name);
    if (element.parentNode !== document.documentElement) document.documentElement.append(element);
  };
  const observer = new MutationObserver(restore);
  return {
    watch() {
      const element = current();
      if (!element) return;
      attributes.clear();
      for (const name of element.getAttributeNames())
        attributes.set(name, element.getAttribute(name) ?? '');
      observer.disconnect();
      observer.observe(document, { childList: true });
      observer.observe(document.documentElement, { childList: true });
      observer.observe(element, { attributes: true });
    },
  };
}
