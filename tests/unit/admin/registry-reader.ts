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

/** REG_SZ from `hex(1):` bytes (UTF-16LE, ending in a NUL), as regedit stores them. */
function fromHexString(hex: string): string {
  const bytes = hex.split(',').map((byte) => {
    if (!/^[0-9a-f]{2}$/i.test(byte)) throw new Error(`not a hex byte: ${byte}`);
    return Number.parseInt(byte, 16);
  });
  if (bytes.length % 2 !== 0) throw new Error('odd number of bytes in hex(1)');
  let text = '';
  for (let i = 0; i < bytes.length; i += 2)
    text += String.fromCharCode((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8));
  if (!text.endsWith('\0')) throw new Error('hex(1) without its closing NUL');
  return text.slice(0, -1);
}

/**
 * Parses a .reg file (text) into key path → value name → value, as regedit reads it: lines end at
 * CR LF (or LF), a line ending in `\` continues on the next, and any other line is an error, so
 * that a value that breaks out of its line cannot go unnoticed.
 */
export function parseRegFile(text: string): Map<string, Map<string, RegValue>> {
  const keys = new Map<string, Map<string, RegValue>>();
  let current: Map<string, RegValue> | undefined;
  const lines = text
    .replace(/^\ufeff/, '')
    .replace(/\\\r?\n {2}/g, '')
    .split(/\r?\n/);
  if (lines[0] !== 'Windows Registry Editor Version 5.00') throw new Error('no .reg header');
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section?.[1]) {
      current = new Map();
      keys.set(section[1], current);
      continue;
    }
    const entry = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line);
    if (!entry || !current) throw new Error(`not a .reg line: ${JSON.stringify(line)}`);
    const name = (entry[1] ?? '').replace(/\\(.)/g, '$1');
    const raw = entry[2] ?? '';
    if (raw.startsWith('dword:'))
      current.set(name, { type: 'REG_DWORD', data: Number.parseInt(raw.slice(6), 16) });
    else if (raw.startsWith('hex(1):'))
      current.set(name, { type: 'REG_SZ', data: fromHexString(raw.slice(7)) });
    else if (!/^"(?:[^"\\]|\\.)*"$/.test(raw)) throw new Error(`not a .reg value: ${raw}`);
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
