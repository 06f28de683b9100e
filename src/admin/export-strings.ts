/**
 * How the deployment exports write policy strings in each file format, and which strings a format
 * cannot carry at all (issue 13: a `\r\n` in a value split a `.reg` line and injected registry
 * lines; a control character crashed the `.mobileconfig` export). Pure.
 *
 * Beyond what each syntax needs, every invisible character (controls, format characters such as
 * the U+202E right-to-left override or a zero-width space, line and paragraph separators) is
 * written as an escape, so that an admin reviewing a file sees what it really holds.
 */
import plist from 'plist';

/** Characters written as escapes wherever a format has them. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * The invisible characters other than C0 controls: JSON.stringify escapes those itself (and writes
 * the line feeds of its layout), plist refuses or escapes them.
 */
const JSON_INVISIBLE = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu;

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Characters XML 1.0 (property lists) has no way to write, not even as a character reference. */
const NOT_IN_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

const hex4 = (unit: number) => unit.toString(16).padStart(4, '0');

/** Each UTF-16 unit of `char` as `\uXXXX`. */
const unitEscapes = (char: string) =>
  Array.from({ length: char.length }, (_, i) => `\\u${hex4(char.charCodeAt(i))}`).join('');

/**
 * Pretty-printed JSON with invisible characters as `\u` escapes: they only ever occur inside
 * strings (JSON.stringify writes no others), where an escape means the same character.
 */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(JSON_INVISIBLE, unitEscapes)}\n`;
}

/** The same on one line, as registry strings hold objects and lists. */
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(JSON_INVISIBLE, unitEscapes);
}

/**
 * A `.reg` string value: `"text"` (only `\` and `"` are escaped in that syntax, and it cannot
 * hold a line break), or, when the text has an invisible character, `hex(1):` — REG_SZ as its
 * UTF-16LE bytes with the closing NUL, wrapped as regedit wraps it.
 */
export function toRegString(text: string): string {
  if (!INVISIBLE.test(text)) return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const bytes: string[] = [];
  for (let i = 0; i <= text.length; i++) {
    const unit = i < text.length ? text.charCodeAt(i) : 0;
    bytes.push(
      (unit & 0xff).toString(16).padStart(2, '0'),
      (unit >> 8).toString(16).padStart(2, '0'),
    );
  }
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 25) lines.push(bytes.slice(i, i + 25).join(','));
  return `hex(1):${lines.join(',\\\r\n  ')}`;
}

// PowerShell ends single-quoted strings at ' and at the typographic quotes ‘ ’ ‚ ‛ too: double them all.
const quoted = (text: string) =>
  `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;

/**
 * A PowerShell expression for a string: single-quoted, where `$(…)` and backticks mean nothing,
 * or, when the text has invisible characters, the quoted parts joined with `[char]0xXXXX` for
 * each of them: `('' + 'a' + [char]0x000d + [char]0x000a + 'b')`.
 */
export function toPsString(text: string): string {
  if (!INVISIBLE.test(text)) return quoted(text);
  // A string first, so that + joins strings instead of adding numbers.
  const parts = ["''"];
  let literal = '';
  for (const char of text) {
    if (!INVISIBLE.test(char)) {
      literal += char;
      continue;
    }
    if (literal !== '') parts.push(quoted(literal));
    literal = '';
    for (let i = 0; i < char.length; i++) parts.push(`[char]0x${hex4(char.charCodeAt(i))}`);
  }
  if (literal !== '') parts.push(quoted(literal));
  return `(${parts.join(' + ')})`;
}

/**
 * A property list (XML 1.0) as plist builds it (which escapes `&`, `<`, `>` and CR), with the
 * invisible characters as character references too: some XML readers turn U+0085, U+2028 and
 * U+2029 into line feeds (XML 1.1's line ends), and a reference is never normalised.
 */
export function toPlistText(value: plist.PlistValue): string {
  // The markup plist writes is ASCII: these characters can only be inside keys and strings.
  return plist
    .build(value)
    .replace(
      JSON_INVISIBLE,
      (char) => `&#x${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()};`,
    );
}

/** The file formats of the exports, as far as strings are concerned. */
export type StringFormat = 'json' | 'registry' | 'plist';

/**
 * Why `text` cannot be written in `format` so that the browser reads back the same string, or
 * undefined when it can. `isRawRegistryString`: the text is a registry value of its own (REG_SZ),
 * not part of the JSON that objects and lists are stored as.
 */
export function unwritableReason(
  text: string,
  format: StringFormat,
  isRawRegistryString = false,
): string | undefined {
  const at = (index: number) =>
    `U+${hex4(text.charCodeAt(index)).toUpperCase()} at character ${String(index + 1)}`;
  const unpaired = UNPAIRED_SURROGATE.exec(text);
  if (unpaired)
    return `is not valid Unicode text (an unpaired surrogate, ${at(unpaired.index)}): no browser would read it back as written`;
  const notXml = format === 'plist' ? NOT_IN_XML.exec(text) : null;
  if (notXml)
    return `holds a control character (${at(notXml.index)}) that a property list (XML 1.0) cannot hold`;
  const nul = format === 'registry' && isRawRegistryString ? text.indexOf('\0') : -1;
  if (nul !== -1) return `holds a NUL character (${at(nul)}), which ends a registry string`;
  return undefined;
}
