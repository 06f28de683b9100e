/**
 * Parses a value against a zod schema item by item instead of all-or-nothing: an invalid array item
 * is dropped, an invalid optional field falls back to its default, and every problem becomes a
 * PolicyIssue with its path. Unknown keys are kept out and reported as warnings.
 */
import type { z } from 'zod';
import { joinPath, showValue, type PolicyIssue } from './issues';
import { createSuggester, type Suggester } from './suggest';

type Schema = z.ZodType;
type Result = { ok: true; value: unknown } | { ok: false };
type Def = {
  type: string;
  keyType?: Schema;
  valueType?: Schema;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
};

// zod 4's public `.def` (the shape of each schema kind), not the private `_zod` internals.
const defOf = (schema: Schema): Def => schema.def;

function unwrap(schema: Schema): Schema {
  let current = schema;
  for (
    let def = defOf(current);
    (def.type === 'default' || def.type === 'optional') && def.innerType;
    def = defOf(current)
  ) {
    current = def.innerType;
  }
  return current;
}

const isOptional = (schema: Schema): boolean =>
  ['default', 'optional'].includes(defOf(schema).type);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key))
      return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns zod's issues for one value into readable PolicyIssues. */
function fromZodIssues(error: z.ZodError, path: string, value: unknown): PolicyIssue[] {
  return error.issues.map((issue) => {
    const at = issue.path.reduce<string>(
      (p, key) => joinPath(p, typeof key === 'number' ? key : String(key)),
      path,
    );
    const given = valueAt(value, issue.path);
    let message: string;
    let code: PolicyIssue['code'] = 'invalid-value';
    if (given === undefined && issue.path.length > 0) {
      return { path: at, code: 'missing', severity: 'error' as const, message: 'is required' };
    }
    switch (issue.code) {
      case 'invalid_type':
        {
          code = 'invalid-type';
          message = `expected ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}, got ${typeName(given)}`;
        }
        break;
      case 'invalid_value':
        message = `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      case 'too_small':
        message =
          issue.origin === 'array'
            ? `needs at least ${String(issue.minimum)} item(s)`
            : issue.origin === 'string'
              ? 'must not be empty'
              : `must be at least ${String(issue.minimum)}`;
        break;
      case 'too_big':
        message =
          issue.origin === 'string'
            ? `must be at most ${String(issue.maximum)} characters`
            : `must be at most ${String(issue.maximum)}`;
        break;
      default:
        message = issue.message;
    }
    return {
      path: at,
      code,
      severity: 'error' as const,
      message,
      ...(given === undefined ? {} : { value: showValue(given) }),
    };
  });
}

/** How an array's items are named in effects ("this rule is ignored"). */
const ITEM_NOUNS: Record<string, string> = {
  rules: 'rule',
  customApps: 'custom app',
  alternatives: 'alternative',
  requirements: 'requirement',
  match: 'pattern',
};

function markEffect(issues: PolicyIssue[], from: number, effect: string): void {
  for (const issue of issues.slice(from))
    if (issue.severity === 'error' && !issue.effect) issue.effect = effect;
}

/** Whether `value` is a plain object; records an issue at `path` when it is not. */
function isObjectAt(
  value: unknown,
  path: string,
  issues: PolicyIssue[],
): value is Record<string, unknown> {
  if (isPlainObject(value)) return true;
  issues.push({
    path,
    code: 'invalid-type',
    severity: 'error',
    message: `expected an object, got ${typeName(value)}`,
    value: showValue(value),
  });
  return false;
}

/**
 * Parses `value` against `schema`, collecting issues; see the module comment. `near` finds the
 * "did you mean" key for unknown keys (pass the document's suggester to share its budget).
 */
export function parseLeniently(
  schema: Schema,
  value: unknown,
  path: string,
  issues: PolicyIssue[],
  near: Suggester = createSuggester(),
): Result {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'object' && def.shape) {
    if (!isObjectAt(value, path, issues)) return { ok: false };
    const known = Object.keys(def.shape);
    const cleaned: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const field = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
      const at = joinPath(path, key);
      if (!field) {
        const nearest = near(key, known);
        issues.push({
          path: at,
          code: 'unknown-key',
          severity: 'warning',
          message: nearest
            ? `unknown key; did you mean "${nearest}"?`
            : `unknown key; known keys here: ${known.join(', ')}`,
          effect: 'ignored',
          ...(nearest ? { suggestion: nearest } : {}),
        });
        continue;
      }
      if (child === undefined) continue;
      const start = issues.length;
      const result = parseLeniently(field, child, at, issues, near);
      if (result.ok) cleaned[key] = result.value;
      else if (isOptional(field)) markEffect(issues, start, 'ignored; the default applies');
      else return { ok: false };
    }
    const parsed = inner.safeParse(cleaned);
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error, path, cleaned));
      return { ok: false };
    }
    return { ok: true, value: parsed.data };
  }
  if (def.type === 'record' && def.keyType && def.valueType) {
    // Text per language: a bad entry ("EN", an empty text) is dropped, the other languages stay.
    if (!isObjectAt(value, path, issues)) return { ok: false };
    const kept: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      const start = issues.length;
      const keyResult = def.keyType.safeParse(key);
      if (!keyResult.success)
        issues.push(...fromZodIssues(keyResult.error, joinPath(path, key), key));
      const entryResult = keyResult.success
        ? parseLeniently(def.valueType, entry, joinPath(path, key), issues, near)
        : { ok: false as const };
      if (entryResult.ok) kept[key] = entryResult.value;
      else markEffect(issues, start, 'this entry is ignored');
    }
    return { ok: true, value: kept };
  }
  if (def.type === 'array' && def.element) {
    if (!Array.isArray(value)) {
      issues.push({
        path,
        code: 'invalid-type',
        severity: 'error',
        message: `expected a list, got ${typeName(value)}`,
        value: showValue(value),
      });
      return { ok: false };
    }
    const kept: unknown[] = [];
    const noun = ITEM_NOUNS[path.replace(/^.*[.\]]/, '')] ?? 'item';
    value.forEach((item: unknown, index) => {
      const start = issues.length;
      const result = parseLeniently(
        def.element as Schema,
        item,
        joinPath(path, index),
        issues,
        near,
      );
      if (result.ok) kept.push(result.value);
      else markEffect(issues, start, `this ${noun} is ignored`);
    });
    const parsed = inner.safeParse(kept);
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error, path, kept));
      return { ok: false };
    }
    return { ok: true, value: parsed.data };
  }
  const parsed = inner.safeParse(value);
  if (!parsed.success) {
    issues.push(...fromZodIssues(parsed.error, path, value));
    return { ok: false };
  }
  return { ok: true, value: parsed.data };
}
