/**
 * declarativeNetRequest rules for the apps whose action is `block`, so a blocked app's request
 * never leaves the browser. Pure: returns plain rule objects; the worker installs them.
 */
import type { CompiledPolicy } from './compile';
import { isPatternMatch, type HostPattern } from './pattern';

/** The subset of chrome.declarativeNetRequest.Rule that Signpost writes. */
export type BlockRule = {
  id: number;
  priority: number;
  action:
    | { type: 'redirect'; redirect: { regexSubstitution: string } }
    | { type: 'block' }
    | { type: 'allow' };
  condition: {
    tabIds?: number[];
    requestDomains: string[];
    regexFilter: string;
    isUrlFilterCaseSensitive: false;
    resourceTypes: string[];
  };
};

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * RE2 for a path prefix that also catches percent-encoded unreserved characters
 * (`/%6Dessages` for `/messages`), matching how the engine normalises paths.
 */
function pathRegex(path: string): string {
  // Paths are ASCII here: the URL parser percent-encodes everything else.
  return path
    .split('')
    .map((char) => {
      if (!/[a-z0-9\-._~]/i.test(char)) return escapeRegex(char);
      const hex = char.charCodeAt(0).toString(16).padStart(2, '0');
      return `(?:${escapeRegex(char)}|%${hex})`;
    })
    .join('');
}

/** The regex part of a rule: scheme, any authority (host is checked by requestDomains), path prefix. */
function urlRegex(pattern: HostPattern): string {
  // ws:// and wss:// too: WebSocket requests to a blocked app must not leave the browser either.
  return `^(?:https?|wss?)://[^/?#]*${pathRegex(pattern.path === '' ? '/' : pattern.path)}.*`;
}

/**
 * Rule priority from a pattern's specificity, as in decide(): the most specific pattern wins,
 * whether it blocks or allows (an allowed app inside a blocked one, a blocked one inside that).
 */
const priorityOf = (pattern: HostPattern, isAllow: boolean) =>
  (pattern.host.length + pattern.path.length) * 2 + (isAllow ? 2 : 1);

/** "Continue anyway" rules beat every policy rule. */
const PROCEED_PRIORITY = 1_000_000;

const OTHER_RESOURCE_TYPES = [
  'xmlhttprequest',
  'websocket',
  'script',
  'stylesheet',
  'image',
  'font',
  'media',
  'object',
  'ping',
  'webtransport',
  'webbundle',
  'other',
];

/** Resource types only Chromium knows; Firefox rejects a whole rule update that names one. */
export const CHROMIUM_ONLY_RESOURCE_TYPES: readonly string[] = ['webtransport', 'webbundle'];

/** The same rules without the resource types in `unsupported` (a browser's own list). */
export function withoutResourceTypes(
  rules: BlockRule[],
  unsupported: readonly string[],
): BlockRule[] {
  if (unsupported.length === 0) return rules;
  return rules.map((rule) => ({
    ...rule,
    condition: {
      ...rule.condition,
      resourceTypes: rule.condition.resourceTypes.filter((type) => !unsupported.includes(type)),
    },
  }));
}

/**
 * Rules for every pattern of every blocked app: pages and frames are redirected to the block
 * page (`blocked.html?app=<id>&url=<raw URL>`); every other request to the app is blocked.
 * @param blockedPageUrl the extension's `blocked.html` URL
 */
export function toBlockRules(policy: CompiledPolicy, blockedPageUrl: string): BlockRule[] {
  const rules: BlockRule[] = [];
  for (const app of policy.apps) {
    if (app.action !== 'block') continue;
    for (const pattern of app.patterns) {
      const condition = {
        requestDomains: [pattern.host],
        regexFilter: urlRegex(pattern),
        isUrlFilterCaseSensitive: false as const,
      };
      rules.push({
        id: rules.length + 1,
        priority: priorityOf(pattern, false),
        action: {
          type: 'redirect',
          redirect: { regexSubstitution: `${blockedPageUrl}?app=${app.id}&url=\\0` },
        },
        condition: { ...condition, resourceTypes: ['main_frame', 'sub_frame'] },
      });
      rules.push({
        id: rules.length + 1,
        priority: priorityOf(pattern, false),
        action: { type: 'block' },
        condition: { ...condition, resourceTypes: OTHER_RESOURCE_TYPES },
      });
    }
  }
  // A more specific pattern of an app that is not blocked wins over the blocked one, as in decide().
  const blocked = policy.apps
    .filter((app) => app.action === 'block')
    .flatMap((app) => app.patterns);
  for (const app of policy.apps) {
    if (app.action === 'block') continue;
    for (const pattern of app.patterns) {
      const isInsideBlocked = blocked.some(
        (outer) =>
          isPatternMatch(outer, pattern) &&
          pattern.host.length + pattern.path.length > outer.host.length + outer.path.length,
      );
      if (!isInsideBlocked) continue;
      rules.push({
        id: rules.length + 1,
        priority: priorityOf(pattern, true),
        action: { type: 'allow' },
        condition: {
          requestDomains: [pattern.host],
          regexFilter: urlRegex(pattern),
          isUrlFilterCaseSensitive: false,
          resourceTypes: ['main_frame', 'sub_frame', ...OTHER_RESOURCE_TYPES],
        },
      });
    }
  }
  return rules;
}

/**
 * Session rules that let `app` through in one tab ("continue anyway"), above the block rules.
 * @param firstId the first free session-rule id
 */
export function toAllowRules(
  app: CompiledPolicy['apps'][number],
  tabId: number,
  firstId: number,
): BlockRule[] {
  return app.patterns.map((pattern, index) => ({
    id: firstId + index,
    priority: PROCEED_PRIORITY,
    action: { type: 'allow' },
    condition: {
      tabIds: [tabId],
      requestDomains: [pattern.host],
      regexFilter: urlRegex(pattern),
      isUrlFilterCaseSensitive: false,
      resourceTypes: ['main_frame', 'sub_frame', ...OTHER_RESOURCE_TYPES],
    },
  }));
}
