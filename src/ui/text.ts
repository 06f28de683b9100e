/** Text helpers shared by the banner and extension pages: localized policy text and i18n. */
import type { CompiledApp } from '../policy/compile';
import type { LocalizedText } from '../policy/schema';

import type { Translate } from '../shared/i18n';

export type { Translate } from '../shared/i18n';

/** Picks the text for `language` from a policy `{nl, en}` object: exact, base language, en, first. */
export function pickLocalized(
  text: LocalizedText | undefined,
  language: string,
): string | undefined {
  if (!text) return undefined;
  const base = language.toLowerCase().split('-')[0] ?? 'en';
  return text[language] ?? text[base] ?? text.en ?? Object.values(text)[0];
}

/** The banner and block-page title: "<org> has not approved <app>" or without the organisation. */
export function whyLine(app: Pick<CompiledApp, 'category'>, t: Translate): string {
  if (app.category === 'authenticator') return t('whyAuthenticator');
  if (app.category === 'messaging') return t('whyMessaging');
  return t('whyOther');
}

/** Checked again before any policy URL becomes a link, whatever the source of the data. */
export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
