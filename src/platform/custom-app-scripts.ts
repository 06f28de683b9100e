/**
 * Runtime content-script registrations, kept in sync with the policy in force:
 * - `signpost-custom-apps`: the content script on custom app hosts (catalogue hosts get it from
 *   the manifest);
 * - `signpost-early`: a tiny script that puts the warning element in place at document_start on
 *   pages whose warning is due, before the page is parsed.
 */
import { browser } from 'wxt/browser';
import { customAppMatches, earlyWarningMatches } from '../policy/content-matches';
import type { CompiledPolicy } from '../policy/compile';

async function syncRegistration(id: string, matches: string[], file: string): Promise<void> {
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

/** Makes the custom-app content script match the policy's custom apps. */
export async function syncCustomAppScripts(policy: CompiledPolicy): Promise<void> {
  await syncRegistration(
    'signpost-custom-apps',
    customAppMatches(policy.apps),
    'signpost-content.js',
  );
}

/** Makes the early-warning script match the pages whose warning is due now. */
export async function syncEarlyWarnings(
  policy: CompiledPolicy,
  isAcknowledged: (appId: string) => boolean,
): Promise<void> {
  await syncRegistration(
    'signpost-early',
    earlyWarningMatches(policy.apps, isAcknowledged),
    'signpost-early.js',
  );
}
