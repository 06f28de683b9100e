/**
 * Every field path of the policy schema (`organization.name`, `rules[].app`, `warnings.reasons[].id`),
 * read from zod's public `.def`, for the test that keeps docs/policy.md in step with the schema.
 * `rules[].warnings` is one entry: it takes the same fields as `warnings`.
 */
import type { z } from 'zod';
import { PolicySchema } from '../../src/policy/schema';

type Def = {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
};
const defOf = (schema: z.ZodType) => schema.def as unknown as Def;

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (
    let def = defOf(current);
    ['default', 'optional', 'nullable'].includes(def.type) && def.innerType;
    def = defOf(current)
  )
    current = def.innerType;
  return current;
}

function walk(schema: z.ZodType, path: string, out: string[]): void {
  const def = defOf(unwrap(schema));
  if (def.type === 'object' && def.shape && path !== 'rules[].warnings') {
    for (const [key, child] of Object.entries(def.shape))
      walk(child, path ? `${path}.${key}` : key, out);
    return;
  }
  if (def.type === 'array' && def.element) {
    const element = defOf(unwrap(def.element));
    if (element.type === 'object') {
      walk(def.element, `${path}[]`, out);
      return;
    }
  }
  out.push(path);
}

/** The schema's field paths, in schema order. */
export function schemaFieldPaths(): string[] {
  const out: string[] = [];
  walk(PolicySchema, '', out);
  return out;
}
