/**
 * Generates Chrome's `storage.managed_schema` from the zod schema: the same fields, types only.
 *
 * Chrome validates managed values against this file and silently drops what fails: one bad item
 * drops a whole array (see README "How Chrome applies the schema"). So the generated schema keeps
 * types and structure and leaves enums, patterns, ranges and `required` to our own validation,
 * which reports each problem and keeps the valid rest.
 */
import { z } from 'zod';
import { PolicySchema } from './schema';

type JsonSchema = { [key: string]: unknown };

/** Keywords that would make Chrome drop data silently, or that Chrome cannot parse. */
const DROPPED_KEYWORDS = new Set([
  '$schema',
  'enum',
  'const',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'required',
  'propertyNames',
  'default',
]);

function loosen(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (key === 'properties' && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, child]) => [
          name,
          loosen(child),
        ]),
      );
    } else if (
      (key === 'items' || key === 'additionalProperties') &&
      typeof value === 'object' &&
      value
    ) {
      out[key] = loosen(value as JsonSchema);
    } else {
      out[key] = value;
    }
  }
  // zod emits `type: "integer"` for z.int(); Chrome knows integer, so it stays.
  if (out.type === 'object' && out.additionalProperties === false) delete out.additionalProperties;
  return out;
}

/** Throws when a node breaks Chrome's rules, so a bad schema fails the build, not the install. */
export function assertChromeCompatible(node: JsonSchema, path = '(root)'): void {
  if (typeof node.type !== 'string' && typeof node.$ref !== 'string') {
    throw new Error(`managed_schema ${path}: needs exactly one string "type" or a "$ref"`);
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf', 'not']) {
    if (keyword in node)
      throw new Error(`managed_schema ${path}: "${keyword}" is not supported by Chrome`);
  }
  for (const keyword of DROPPED_KEYWORDS) {
    if (keyword in node)
      throw new Error(`managed_schema ${path}: "${keyword}" would make Chrome drop data`);
  }
  const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, child] of Object.entries(properties))
    assertChromeCompatible(child, `${path}.${name}`);
  if (node.items) assertChromeCompatible(node.items as JsonSchema, `${path}[]`);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    assertChromeCompatible(node.additionalProperties as JsonSchema, `${path}.*`);
  }
}

/** The managed_schema JSON for the manifest's `storage.managed_schema`. */
export function toManagedSchema(): JsonSchema {
  const json = loosen(z.toJSONSchema(PolicySchema, { io: 'input', target: 'draft-7' }));
  if (json.type !== 'object' || 'additionalProperties' in json) {
    throw new Error('managed_schema: the top level must be an object without additionalProperties');
  }
  assertChromeCompatible(json);
  return json;
}
