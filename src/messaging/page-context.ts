/** What every extension page needs first: the stored policy snapshot and a translator in its language. */
import { browser } from 'wxt/browser';
import { send } from './client';
import { readSnapshot, SNAPSHOT_KEY, type PolicySnapshot } from './snapshot';
import { createTranslate, type Translate } from '../shared/i18n';

export type PageContext = { snapshot: PolicySnapshot | null; t: Translate; language: string };

/** Loads the snapshot (asking the worker to apply the policy if there is none yet). */
export async function loadPageContext(): Promise<PageContext> {
  const read = async () =>
    readSnapshot((await browser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY]);
  let snapshot = await read();
  if (!snapshot) {
    await send('ensurePolicy', {}).catch(() => undefined);
    snapshot = await read();
  }
  const fallback: Translate = (name, substitutions) =>
    browser.i18n.getMessage(
      name as Parameters<typeof browser.i18n.getMessage>[0],
      substitutions ? [...substitutions] : undefined,
    );
  const language = snapshot?.language ?? browser.i18n.getUILanguage();
  document.documentElement.lang = language.split('-')[0] ?? 'en';
  return { snapshot, t: createTranslate(snapshot?.messages, fallback), language };
}

/** The error state's text for `error`, in the browser's language (the policy may be unreadable). */
export function pageErrorText(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return (
    browser.i18n.getMessage('pageError' as Parameters<typeof browser.i18n.getMessage>[0], [
      reason,
    ]) || `Signpost could not load this page: ${reason}`
  );
}
