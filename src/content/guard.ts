/**
 * Keeps Signpost's element in place, on top and unchanged on a page that fights it: put back when
 * removed (also when the page replaces `<html>`), attributes and children restored, shown in the
 * browser's top layer (a manual popover, above any z-index) and raised again when the page opens
 * its own top-layer element over it. The element's look is protected by its shadow root's
 * `!important` host styles.
 *
 * The work is bounded: a page that removes the element as fast as it comes back (its own
 * MutationObserver) would otherwise hold the page in an endless loop of microtasks. Repairs come
 * from a token bucket (`perSecond`, `burst`); past it, one repair waits for the next token.
 */

export type GuardOptions = {
  /** The element whose centre must be Signpost's when nothing covers it (e.g. its first button). */
  probe?: (element: HTMLElement) => Element | null;
  /** Repairs per second in a sustained fight, and how many may come at once. */
  perSecond?: number;
  burst?: number;
  /** How often to look whether something covers the element, in ms. */
  checkEveryMs?: number;
};

export type Guard = { watch(): void };

const supportsPopover = () =>
  typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/** Shows the element in the top layer, last (on top); false when the browser refuses. */
function raise(element: HTMLElement): boolean {
  if (!supportsPopover() || !element.isConnected) return false;
  try {
    if (element.matches(':popover-open')) element.hidePopover();
    element.showPopover();
    return true;
  } catch {
    return false;
  }
}

/** `<html>`, which a page can remove (the DOM types say it is always there). */
const documentElement = () => document.documentElement as HTMLElement | null;

const isOpen = (element: HTMLElement) => {
  try {
    return element.matches(':popover-open');
  } catch {
    return false;
  }
};

/** Whether the centre of `target` shows `element` (or its inner box) and nothing else. */
function isOnTop(element: HTMLElement, target: Element): boolean {
  const box = target.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return true; // nothing to see: no cover to lift
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return true;
  const hit = document.elementFromPoint(x, y);
  return hit !== null && element.contains(hit);
}

export function guardElement(current: () => HTMLElement | null, options: GuardOptions = {}): Guard {
  const perSecond = options.perSecond ?? 600;
  const burst = options.burst ?? 60;
  const attributes = new Map<string, string>();
  let children: Node[] = [];
  let root: HTMLElement | null = null;
  let tokens = burst;
  let refilledAt = performance.now();
  let waiting: ReturnType<typeof setTimeout> | undefined;
  let checking: ReturnType<typeof setInterval> | undefined;

  const take = (): boolean => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * perSecond);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const observer = new MutationObserver(() => request());
  const observe = (element: HTMLElement) => {
    observer.disconnect();
    root = documentElement();
    observer.observe(document, { childList: true });
    if (root) observer.observe(root, { childList: true });
    observer.observe(element, { attributes: true, childList: true });
  };

  const hasChildren = (element: HTMLElement) =>
    element.childNodes.length === children.length &&
    children.every((child, i) => element.childNodes[i] === child);

  /** Whether the element is where and as Signpost left it. */
  const isIntact = (element: HTMLElement) =>
    element.parentNode === documentElement() &&
    [...attributes].every(([name, value]) => element.getAttribute(name) === value) &&
    element.getAttributeNames().every((name) => attributes.has(name)) &&
    hasChildren(element) &&
    (!supportsPopover() || isOpen(element));

  const repair = (element: HTMLElement) => {
    for (const [name, value] of attributes)
      if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    for (const name of element.getAttributeNames())
      if (!attributes.has(name)) element.removeAttribute(name);
    if (!hasChildren(element)) element.replaceChildren(...children);
    const html = documentElement();
    if (html && element.parentNode !== html) html.append(element);
    if (html !== root) observe(element);
    if (!isOpen(element)) raise(element);
  };

  /** A repair now if the bucket allows, else one when the next token is due. */
  const request = () => {
    const element = current();
    if (waiting !== undefined || !element || isIntact(element)) return;
    if (take()) return repair(element);
    waiting = setTimeout(
      () => {
        waiting = undefined;
        request();
      },
      Math.ceil(1000 / perSecond),
    );
  };

  /** Raises the element again when a newer top-layer element (a dialog, a popover) covers it. */
  const check = () => {
    const element = current();
    if (!element?.isConnected || document.fullscreenElement) return;
    const target = options.probe?.(element) ?? element;
    if (isOnTop(element, target) || !take()) return;
    raise(element);
  };

  // A page's popover or dialog opening fires `toggle` at it (not bubbling, but capture sees it):
  // raise ours above it even if it lets clicks through (which `elementFromPoint` would miss). Our
  // own `toggle` is the page hiding it: repair.
  addEventListener(
    'toggle',
    (event) => {
      const element = current();
      const isOthers = element && event.target !== element;
      const opens = (event as Event & { newState?: string }).newState === 'open';
      setTimeout(() => {
        if (isOthers && opens && element.isConnected && take()) raise(element);
        else request();
      }, 0);
    },
    { capture: true },
  );

  return {
    watch() {
      const element = current();
      if (!element) return;
      if (supportsPopover()) element.setAttribute('popover', 'manual');
      attributes.clear();
      for (const name of element.getAttributeNames())
        attributes.set(name, element.getAttribute(name) ?? '');
      children = [...element.childNodes];
      observe(element);
      raise(element);
      checking ??= setInterval(check, options.checkEveryMs ?? 500);
    },
  };
}
