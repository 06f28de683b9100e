/** Validation problems found in a policy document, as shown on the status page and by the CLI. */

export type IssueCode =
  | 'not-an-object'
  | 'unsupported-version'
  | 'invalid-type'
  | 'invalid-value'
  | 'missing'
  | 'unknown-key'
  | 'unknown-app'
  | 'unknown-alternative'
  | 'invalid-pattern'
  | 'duplicate'
  | 'conflict'
  | 'overlap';

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
};

/** Short JSON of a value for messages; never throws. */
export function showValue(value: unknown): string {
  let text: string | undefined;
  try {
    // JSON.stringify returns undefined for undefined and functions, despite its type.
    const json: string | undefined = JSON.stringify(value);
    text = json;
  } catch {
    text = undefined;
  }
  text ??= String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Joins path segments: `rules`, 3, `action` → `rules[3].action`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}
