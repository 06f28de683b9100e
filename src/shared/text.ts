/** Text helpers shared by the banner, the extension pages and the report: localized policy text. */
import type { CompiledApp } from '../policy/compile';
import type { LocalizedText } from '../policy/schema';

import type { Translate } from './i18n';

export type { Translate } from './i18n';

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
