/**
 * The built-in catalogue, pure data. `contentScriptMatches()` derives the manifest's static
 * content-script matches from it, so hosts are written once.
 */
import { CATALOGUE } from './apps';
import { toHostMatchPatterns } from '../policy/pattern';

export { CATALOGUE, CATALOGUE_VERSION } from './apps';
export type { CatalogueApp } from './types';
export * from './criteria';

/** Ids of the built-in apps, e.g. `whatsapp`. */
export type AppId = (typeof CATALOGUE)[number]['id'];

/** Every built-in app id, in catalogue order. */
export const APP_IDS: readonly AppId[] = CATALOGUE.map((app) => app.id);

/** Whether `id` names a built-in app. */
export function isCatalogueId(id: string): id is AppId {
  return (APP_IDS as readonly string[]).includes(id);
}

/**
 * Match patterns for the static content script: every host of every catalogue app, whole host,
 * so in-app navigation into a path-specific part (x.com → x.com/messages) is seen too.
 */
export function contentScriptMatches(): string[] {
  return [...new Set(CATALOGUE.flatMap((app) => app.match.flatMap(toHostMatchPatterns)))];
}
