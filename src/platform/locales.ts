/** Loads the UI strings of one language from the packaged `_locales` files. */
import { browser } from 'wxt/browser';
import {
  chooseLanguage,
  toMessageTable,
  type MessageEntry,
  type MessageTable,
} from '../shared/i18n';

/** The strings for the policy's `locale` (or the browser's language when it is `auto`). */
export async function loadStrings(
  policyLocale: string,
): Promise<{ language: string; messages: MessageTable }> {
  const language = chooseLanguage(policyLocale, browser.i18n.getUILanguage());
  try {
    const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
    return {
      language,
      messages: toMessageTable((await response.json()) as Record<string, MessageEntry>),
    };
  } catch (error) {
    // The pages then fall back to the browser's own i18n.
    console.warn('Signpost: could not load strings', error);
    return { language, messages: {} };
  }
}
