/**
 * Reads the registry values the windows-ps1 export sets, with PowerShell's own rules for what the
 * export writes: lines end at CR, LF or CR LF; a single-quoted string starts and ends at any of
 * ' ‘ ’ ‚ ‛, and two quote characters in a row stand for the second; `[char]0xXXXX` is one UTF-16
 * unit; `('' + … + …)` joins strings. A line that is none of the script's own is an error, so
 * that a value breaking out of its string or line cannot go unnoticed. Test infrastructure.
 */
type RegValue = { type: 'REG_DWORD'; data: number } | { type: 'REG_SZ'; data: string };

const QUOTES = "'\u2018\u2019\u201a\u201b";

/** The script's fixed lines: its header and the Set-Value function. */
const FIXED = new Set([
  '$ErrorActionPreference = "Stop"',
  'function Set-Value($Path, $Name, $Type, $Value) {',
  '  if (-not (Test-Path $Path)) { New-Item -Path $Path -Force | Out-Null }',
  '  New-ItemProperty -Path $Path -Name $Name -PropertyType $Type -Value $Value -Force | Out-Null',
  '}',
]);

class Reader {
  at = 0;
  constructor(readonly line: string) {}

  expect(text: string): void {
    if (!this.line.startsWith(text, this.at))
      throw new Error(`expected ${JSON.stringify(text)} at ${String(this.at)} in ${this.line}`);
    this.at += text.length;
  }

  /** A single-quoted string. */
  quoted(): string {
    const open = this.line[this.at] ?? '';
    if (open === '' || !QUOTES.includes(open)) throw new Error(`no string at ${String(this.at)}`);
    let text = '';
    for (this.at++; this.at < this.line.length; this.at++) {
      const char = this.line[this.at] ?? '';
      if (!QUOTES.includes(char)) {
        text += char;
        continue;
      }
      const next = this.line[this.at + 1] ?? '';
      if (next === '' || !QUOTES.includes(next)) {
        this.at++;
        return text;
      }
      text += next;
      this.at++;
    }
    throw new Error(`unterminated string in ${this.line}`);
  }

  /** A string expression: a quoted string, or ('' + term + …) with quoted strings and [char]s. */
  string(): string {
    if (this.line[this.at] !== '(') return this.quoted();
    this.expect('(');
    let text = this.quoted();
    while (this.line.startsWith(' + ', this.at)) {
      this.at += 3;
      const unit = /^\[char\]0x([0-9a-f]{4})/.exec(this.line.slice(this.at));
      if (unit?.[1]) {
        text += String.fromCharCode(Number.parseInt(unit[1], 16));
        this.at += unit[0].length;
      } else text += this.quoted();
    }
    this.expect(')');
    return text;
  }

  end(): void {
    if (this.at !== this.line.length) throw new Error(`trailing text: ${this.line.slice(this.at)}`);
  }
}

/** Registry key path → value name → value, for every Set-Value line of the script. */
export function readPsValues(script: string): Map<string, Map<string, RegValue>> {
  const keys = new Map<string, Map<string, RegValue>>();
  for (const line of script.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    if (line === '' || FIXED.has(line) || /^# [^\r\n]*$/.test(line)) continue;
    const reader = new Reader(line);
    if (line.startsWith('Remove-Item ')) {
      reader.expect('Remove-Item -Path ');
      const path = reader.string();
      reader.expect(' -Recurse -Force -ErrorAction SilentlyContinue');
      reader.end();
      // The key is emptied (the Set-Value lines that follow fill it again).
      keys.set(path, new Map());
      continue;
    }
    reader.expect('Set-Value ');
    const path = reader.string();
    reader.expect(' ');
    const name = reader.string();
    const type = /^ (DWord|String) /.exec(line.slice(reader.at));
    if (!type) throw new Error(`no value type in ${line}`);
    reader.at += type[0].length;
    let value: RegValue;
    if (type[1] === 'DWord') {
      const digits = /^\d+/.exec(line.slice(reader.at))?.[0] ?? '';
      reader.at += digits.length;
      value = { type: 'REG_DWORD', data: Number(digits) };
    } else value = { type: 'REG_SZ', data: reader.string() };
    reader.end();
    const values = keys.get(path) ?? new Map<string, RegValue>();
    values.set(name, value);
    keys.set(path, values);
  }
  return keys;
}
