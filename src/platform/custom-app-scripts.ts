/**
 * Registers the content script on the hosts of the policy's `customApps`, and only there; catalogue
 * hosts get it from the manifest. Kept in sync with every policy change.
 */
import { browser } from 'wxt/browser';
import type { CompiledPolicy } from '../policy/compile';

const SCRIPT_ID = 'signpost-custom-apps';

/** Match patterns for the custom apps of `policy`: whole hosts, so in-app navigation is seen. */
export function customAppMatches(policy: CompiledPolicy): string[] {
  const hosts = policy.apps
    .filter((app) => app.isCustom)
    .flatMap((app) => app.patterns.map((p) => p.host));
  return [...new Set(hosts)].map((host) => `*://*.${host}/*`);
}

/** Makes the registered content scripts match the policy's custom apps. */
export async function syncCustomAppScripts(policy: CompiledPolicy): Promise<void> {
  const matches = customAppMatches(policy);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const current = registered[0];
  if (current && JSON.stringify(current.matches) === JSON.stringify(matches)) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches,
      js: ['signpost-content.js'],
      runAt: 'document_start',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}
