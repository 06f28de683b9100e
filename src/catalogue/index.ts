/**
 * The built-in catalogue, pure data (it imports nothing from the engine; the engine and the build
 * read it: `contentScriptMatches()` in policy/content-matches.ts derives the manifest's matches).
 */
import { CATALOGUE } from './apps';

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
