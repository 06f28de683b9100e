/**
 * Localised strings from `_locales/<lang>/messages.json`, in the language the policy asks for
 * (`locale`), not only the browser's: `browser.i18n` cannot switch language, so the worker loads
 * the chosen file once per policy and ships the resolved table in the snapshot. Substitutions are
 * plain text: the result is always set with textContent.
 */

/** Languages Signpost ships. */
export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One entry of a messages.json file. */
export type MessageEntry = { message: string; placeholders?: Record<string, { content: string }> };

/** Message name → text with `$1`-style substitution slots. */
export type MessageTable = Record<string, string>;

/** Picks the UI language: the policy's `locale`, else the browser's if Signpost has it, else English. */
export function chooseLanguage(policyLocale: string, browserLanguage: string): Language {
  if (policyLocale === 'nl' || policyLocale === 'en') return policyLocale;
  return browserLanguage.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Resolves named placeholders (`$APP$` → `$1`) the way the browser's i18n does. */
export function toMessageTable(file: Record<string, MessageEntry>): MessageTable {
  const table: MessageTable = {};
  for (const [name, entry] of Object.entries(file)) {
    const placeholders = entry.placeholders ?? {};
    table[name] = entry.message.replace(
      /\$([a-z0-9_@]+)\$/gi,
      (whole, key: string) => placeholders[key.toLowerCase()]?.content ?? whole,
    );
  }
  return table;
}

/** Looks up a message; substitutions are plain text. */
export type Translate = (name: string, substitutions?: readonly string[]) => string;

/** A Translate over a table; unknown names fall back to `fallback` (the browser's own i18n). */
export function createTranslate(table: MessageTable | undefined, fallback?: Translate): Translate {
  return (name, substitutions = []) => {
    const text = table?.[name];
    if (text === undefined) return fallback ? fallback(name, substitutions) : name;
    return text.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
  };
}
