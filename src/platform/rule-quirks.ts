/**
 * Browser quirks of declarativeNetRequest, in one place. Firefox (measured in Firefox ESR 153)
 * rejects the whole updateDynamicRules/updateSessionRules call when a rule names a resource type
 * it does not know (webtransport, webbundle), which left every block to the content script.
 */
import {
  CHROMIUM_ONLY_RESOURCE_TYPES,
  withoutResourceTypes,
  type BlockRule,
} from '../policy/block-rules';

/** `rules` in the form this browser accepts. */
export function forThisBrowser(rules: BlockRule[]): BlockRule[] {
  return withoutResourceTypes(rules, import.meta.env.FIREFOX ? CHROMIUM_ONLY_RESOURCE_TYPES : []);
}
