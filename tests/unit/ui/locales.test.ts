import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LANGUAGES, type MessageEntry } from '../../../src/shared/i18n';

const messagesOf = (language: string) =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, `../../../public/_locales/${language}/messages.json`),
      'utf8',
    ),
  ) as Record<string, MessageEntry>;

const placeholdersOf = (entry: MessageEntry) =>
  Object.keys(entry.placeholders ?? {})
    .map((name) => `${name}=${entry.placeholders?.[name]?.content ?? ''}`)
    .sort();

it('has the same messages, with the same placeholders, in every language', () => {
  const [first, ...others] = LANGUAGES.map(messagesOf);
  for (const other of others) {
    expect(Object.keys(other)).toEqual(Object.keys(first ?? {}));
    for (const [name, entry] of Object.entries(first ?? {}))
      expect([name, placeholdersOf(other[name] ?? { message: '' })]).toEqual([
        name,
        placeholdersOf(entry),
      ]);
  }
});

it('uses every placeholder a message declares, and declares every one it uses', () => {
  for (const language of LANGUAGES)
    for (const [name, entry] of Object.entries(messagesOf(language))) {
      const used = [...entry.message.matchAll(/\$([A-Z0-9_]+)\$/g)].map((m) => m[1]?.toLowerCase());
      expect([language, name, [...new Set(used)].sort()]).toEqual([
        language,
        name,
        Object.keys(entry.placeholders ?? {}).sort(),
      ]);
    }
});

it('has every message the UI code names literally', () => {
  const dir = join(import.meta.dirname, '../../../src/ui');
  const names = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map(
        (match) => match[1] ?? '',
      ),
    );
  expect(names.length).toBeGreaterThan(50);
  const known = Object.keys(messagesOf('en'));
  expect(names.filter((name) => !known.includes(name))).toEqual([]);
});

it('names every message as the browser requires, or it refuses to load the extension', () => {
  // Chromium: "Name of a key … is invalid. Only ASCII [a-z], [A-Z], [0-9] and "_" are allowed."
  for (const language of LANGUAGES)
    for (const name of Object.keys(messagesOf(language)))
      expect(name, name).toMatch(/^[A-Za-z0-9_]+$/);
});
