/** Keeps declarativeNetRequest dynamic rules equal to the block decisions of the policy in force. */
import { browser } from 'wxt/browser';
import { toBlockRules } from '../policy/block-rules';
import type { CompiledPolicy } from '../policy/compile';
import { forThisBrowser } from './rule-quirks';

/** Replaces all of Signpost's dynamic rules with the ones for `policy`, in one atomic update. */
export async function syncBlockRules(policy: CompiledPolicy): Promise<void> {
  const existing = await browser.declarativeNetRequest.getDynamicRules();
  const rules = forThisBrowser(toBlockRules(policy, browser.runtime.getURL('/blocked.html')));
  await browser.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: existing.map((rule) => rule.id),
    addRules: rules as Parameters<
      typeof browser.declarativeNetRequest.updateDynamicRules
    >[0]['addRules'],
  });
}
