/**
 * Content scripts registered at runtime (scripting.registerContentScripts), by id: the main
 * script on custom app hosts and the early-warning script on due pages. Which matches each gets is
 * decided in the worker (policy-service.ts); this only makes the browser's registration equal.
 */
import { browser } from 'wxt/browser';

/** Registers `file` on `matches` under `id` (nothing when empty), unless it is so already. */
export async function syncRegistration(id: string, matches: string[], file: string): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  const current = registered[0];
  if (
    current &&
    JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify([...matches].sort())
  )
    return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [id] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id,
      matches,
      js: [file],
      runAt: 'document_start',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}
