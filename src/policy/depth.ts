/**
 * A bound on nesting, checked before anything else reads the document: recursive code
 * (`JSON.stringify`, zod, structured cloning, the policy hash) overflows the stack on arrays
 * nested a few thousand deep (issue 13), and no valid policy nests more than a handful of levels.
 */
import { joinPath, showValue, type PolicyIssue } from './issues';

/** How many objects and lists a value may sit in; the policy contract itself needs 5. */
export const MAX_DEPTH = 32;

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container =>
  typeof value === 'object' && value !== null;

/**
 * The document with every object or list nested deeper than `MAX_DEPTH` cut out (dropped from its
 * object, `null` in its list, so other paths stay the same), and an issue at each cut. Iterative
 * and linear in the document's size; `raw` is never changed: only the containers on the way to a
 * cut are copied. A JSON value is a tree: a container met twice (not JSON) is looked at once.
 */
export function cutTooDeep(raw: unknown, issues: PolicyIssue[]): unknown {
  type Visit = { value: unknown; key: string | number; parent: Visit | undefined; depth: number };
  const pathOf = (visit: Visit): (string | number)[] => {
    const keys: (string | number)[] = [];
    for (let at = visit; at.parent;) {
      keys.push(at.key);
      at = at.parent;
    }
    return keys.reverse();
  };
  const cuts: (string | number)[][] = [];
  const seen = new Set<object>();
  const stack: Visit[] = [{ value: raw, key: '', parent: undefined, depth: 0 }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value } = visit;
    if (!isContainer(value) || seen.has(value)) continue;
    seen.add(value);
    if (visit.depth >= MAX_DEPTH) {
      const path = pathOf(visit);
      cuts.push(path);
      issues.push({
        path: path.reduce<string>((at, key) => joinPath(at, key), ''),
        code: 'too-deep',
        severity: 'error',
        message: `nested too deeply: more than ${String(MAX_DEPTH)} levels of objects and lists`,
        effect: 'ignored',
        value: showValue(value),
      });
      continue;
    }
    // Pushed last child first, so that the issues come out in document order.
    const depth = visit.depth + 1;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], key: i, parent: visit, depth });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({ value: value[key], key, parent: visit, depth });
      }
    }
  }
  return cuts.length === 0 ? raw : withoutCuts(raw as Container, cuts);
}

/** A copy of `root` without the values at `cuts`, sharing every container off their paths. */
function withoutCuts(root: Container, cuts: (string | number)[][]): Container {
  const copies = new Map<Container, Container>();
  const copyOf = (container: Container): Container => {
    let copy = copies.get(container);
    if (!copy) {
      copy = Array.isArray(container) ? [...container] : { ...container };
      copies.set(container, copy);
    }
    return copy;
  };
  const top = copyOf(root);
  for (const path of cuts) {
    let original: Container = root;
    let copy = top;
    for (const [index, key] of path.entries()) {
      const child = (original as Record<string | number, unknown>)[key] as Container;
      if (index === path.length - 1) {
        if (Array.isArray(copy)) copy[key as number] = null;
        else Reflect.deleteProperty(copy, key);
        break;
      }
      const childCopy = copyOf(child);
      // An own "__proto__" key stays an own property: the copy already has it, so this assigns it.
      (copy as Record<string | number, unknown>)[key] = childCopy;
      original = child;
      copy = childCopy;
    }
  }
  return top;
}
