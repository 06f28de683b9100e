/**
 * Reads registry data the way Chrome's policy loader does (`registry_dict.cc`): the extension's
 * schema decides each value's type — REG_DWORD becomes a boolean (non-zero) or an integer, REG_SZ
 * a string, or, for an object or list property, the JSON it holds. Test infrastructure for the
 * Windows exports' round trip.
 */
type Schema = { type?: string; properties?: Record<string, Schema> };
type RegValue = { type: 'REG_DWORD'; data: number } | { type: 'REG_SZ'; data: string };

/** Converts one registry value with the property's schema, as Chrome's ConvertToJSON does. */
export function convertWithSchema(value: RegValue, schema: Schema | undefined): unknown {
  switch (schema?.type) {
    case 'boolean':
      return value.type === 'REG_DWORD' ? value.data !== 0 : Number.parseInt(value.data, 10) !== 0;
    case 'integer':
      return value.type === 'REG_DWORD' ? value.data : Number.parseInt(value.data, 10);
    case 'string':
      if (value.type !== 'REG_SZ') throw new Error('no conversion possible');
      return value.data;
    case 'object':
    case 'array': {
      if (value.type !== 'REG_SZ') throw new Error('no conversion possible');
      const parsed = JSON.parse(value.data) as unknown;
      const isArray = Array.isArray(parsed);
      if ((schema.type === 'array') !== isArray) throw new Error('JSON of the wrong type');
      return parsed;
    }
    default:
      throw new Error('not in the schema: dropped');
  }
}

/** Parses a .reg file (text) into key path → value name → value. */
export function parseRegFile(text: string): Map<string, Map<string, RegValue>> {
  const keys = new Map<string, Map<string, RegValue>>();
  let current: Map<string, RegValue> | undefined;
  for (const line of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const section = /^\[(.+)\]$/.exec(line);
    if (section?.[1]) {
      current = new Map();
      keys.set(section[1], current);
      continue;
    }
    const entry = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line);
    if (!entry || !current) continue;
    const name = (entry[1] ?? '').replace(/\\(.)/g, '$1');
    const raw = entry[2] ?? '';
    if (raw.startsWith('dword:'))
      current.set(name, { type: 'REG_DWORD', data: Number.parseInt(raw.slice(6), 16) });
    else
      current.set(name, {
        type: 'REG_SZ',
        data: JSON.parse(
          raw
            .replace(/\\\\/g, '\u0000')
            .replace(/\\"/g, '\\"')
            .replace(/\u0000/g, '\\\\'),
        ) as string,
      });
  }
  return keys;
}

/** The policy Chrome would load from the values of one key. */
export function policyFromValues(
  values: Map<string, RegValue>,
  schema: Schema,
): Record<string, unknown> {
  return Object.fromEntries(
    [...values].map(([name, value]) => [name, convertWithSchema(value, schema.properties?.[name])]),
  );
}
