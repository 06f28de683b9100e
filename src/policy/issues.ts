/** Validation problems found in a policy document, as shown on the status page and by the CLI. */

/** Every kind of problem, for tools that list them (the CLI's --json, the fuzz checks). */
export const ISSUE_CODES = [
  'not-an-object',
  'unsupported-version',
  'invalid-type',
  'invalid-value',
  'missing',
  'unknown-key',
  'unknown-app',
  'unknown-alternative',
  'invalid-pattern',
  'duplicate',
  'conflict',
  'overlap',
  'too-deep',
  'unexportable',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem, located by a path such as `rules[3].action`. */
export type PolicyIssue = {
  path: string;
  code: IssueCode;
  /** `error`: the value was not applied. `warning`: applied, but probably not what was meant. */
  severity: 'error' | 'warning';
  /** What is wrong and what is expected, in plain words. */
  message: string;
  /** What happened because of it: "this rule is ignored", "the default is used". */
  effect?: string;
  /** The value given, as short JSON. */
  value?: string;
  /** The nearest known key or id, for typos. */
  suggestion?: string;
  /** Where the problem is when a `policyUrl` document is in force: managed storage or that document. */
  source?: 'managed' | 'url';
};

type Pending = { text: string } | { value: unknown; inArray: boolean };

// JSON.stringify returns undefined for undefined, functions and symbols, despite its type.
const jsonOf = (value: unknown): string | undefined => JSON.stringify(value);

/** How long `showValue`'s text may be; longer JSON is cut to this, ending in "…". */
const SHOWN_LENGTH = 80;

/**
 * Short JSON of a value for messages: the same text as `JSON.stringify`, cut to 80 characters.
 * Never throws, and costs time for the shown part only: the JSON is written piece by piece with
 * its own stack (no recursion), so a 100 KB string or arrays nested 100,000 deep are no problem.
 */
export function showValue(value: unknown): string {
  let text = '';
  // Work left to do, last first: values still to write, or literal text (commas, brackets).
  const stack: Pending[] = [{ value, inArray: false }];
  while (text.length <= SHOWN_LENGTH) {
    const next = stack.pop();
    if (!next) break;
    if ('text' in next) text += next.text;
    else text += writeValue(next.value, next.inArray, stack);
  }
  if (text.length <= SHOWN_LENGTH) return text;
  // Never cut between the two halves of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text[SHOWN_LENGTH - 4] ?? '')
    ? SHOWN_LENGTH - 4
    : SHOWN_LENGTH - 3;
  return `${text.slice(0, end)}…`;
}

/** Writes a primitive, or the opening of an object or array with its parts pushed onto `stack`. */
function writeValue(value: unknown, inArray: boolean, stack: Pending[]): string {
  let current = value;
  try {
    if (typeof current === 'object' && current !== null && 'toJSON' in current) {
      const toJSON: unknown = current.toJSON;
      if (typeof toJSON === 'function') current = (toJSON as () => unknown).call(current);
    }
    if (typeof current === 'string')
      // Escaping only lengthens the text, so the first characters are all that can be shown.
      return JSON.stringify(
        current.length > SHOWN_LENGTH ? current.slice(0, SHOWN_LENGTH + 1) : current,
      );
    if (typeof current === 'bigint') return String(current);
    if (typeof current !== 'object' || current === null) {
      // undefined, functions and symbols have no JSON; inside a list they are null.
      return jsonOf(current) ?? (inArray ? 'null' : String(current));
    }
    if (Array.isArray(current)) {
      const items = current as unknown[];
      stack.push({ text: ']' });
      // Pushed last item first; only as many as can still be shown.
      for (let i = Math.min(items.length, SHOWN_LENGTH) - 1; i >= 0; i--) {
        stack.push({ value: items[i], inArray: true });
        if (i > 0) stack.push({ text: ',' });
      }
      return '[';
    }
    const parts: Pending[] = [];
    for (const key in current) {
      if (!Object.hasOwn(current, key)) continue;
      const entry: unknown = (current as Record<string, unknown>)[key];
      if (entry === undefined || typeof entry === 'function' || typeof entry === 'symbol') continue;
      parts.push({
        text: `${parts.length === 0 ? '' : ','}${JSON.stringify(key.slice(0, SHOWN_LENGTH + 1))}:`,
      });
      parts.push({ value: entry, inArray: false });
      if (parts.length > SHOWN_LENGTH) break;
    }
    stack.push({ text: '}' }, ...parts.reverse());
    return '{';
  } catch {
    // A getter or toJSON that throws, a revoked proxy (not JSON, but never a reason to throw).
    return '…';
  }
}

/** Keys that can stand in a path as they are; others are written as JSON: `rules[0][""]`. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * Joins path segments: `rules`, 3, `action` → `rules[3].action`. A key that is empty, or has
 * characters that would make the path ambiguous or break its line (`.`, `[`, spaces, a line
 * break), is written in brackets as JSON, so every path is one non-empty line.
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (!PLAIN_KEY.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base === '' ? key : `${base}.${key}`;
}
