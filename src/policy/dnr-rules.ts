/**
 * The declarativeNetRequest rule shapes Signpost writes, and the small regular expressions in them.
 * Pure: plain objects; the platform adapter installs them. How the rules are chosen for a policy
 * is in rule-plan.ts.
 *
 * Every regex here is written for RE2 as Chromium configures it (2 KB program memory, so literal
 * text is cheap only as long as it is short; no look-around, no back-references) and means the
 * same in JavaScript, which Firefox uses.
 */
import type { HostPattern } from './pattern';

/** The subset of chrome.declarativeNetRequest.Rule that Signpost writes. */
export type DnrRule = {
  id: number;
  priority: number;
  action:
    | { type: 'redirect'; redirect: { regexSubstitution: string } }
    | { type: 'block' }
    | { type: 'allow' };
  condition: {
    requestDomains?: string[];
    regexFilter?: string;
    urlFilter?: string;
    isUrlFilterCaseSensitive: boolean;
    resourceTypes: string[];
    tabIds?: number[];
  };
};

/** Page loads: these are sent to the block page (which decides, see blocked-page flow). */
export const FRAME_TYPES: readonly string[] = ['main_frame', 'sub_frame'];

/** Everything else a page can request from an app's server. */
export const SUBRESOURCE_TYPES: readonly string[] = [
  'xmlhttprequest',
  'websocket',
  'script',
  'stylesheet',
  'image',
  'font',
  'media',
  'object',
  'ping',
  'csp_report',
  'webtransport',
  'webbundle',
  'other',
];

export const ALL_TYPES: readonly string[] = [...FRAME_TYPES, ...SUBRESOURCE_TYPES];

/** Resource types only Chromium knows; Firefox rejects a whole rule update that names one. */
export const CHROMIUM_ONLY_RESOURCE_TYPES: readonly string[] = ['webtransport', 'webbundle'];

/** The same rules without the resource types in `unsupported` (a browser's own list). */
export function withoutResourceTypes(rules: DnrRule[], unsupported: readonly string[]): DnrRule[] {
  if (unsupported.length === 0) return rules;
  return rules.map((rule) => ({
    ...rule,
    condition: {
      ...rule.condition,
      resourceTypes: rule.condition.resourceTypes.filter((type) => !unsupported.includes(type)),
    },
  }));
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Scheme and authority of a canonical URL: the authority (user info, host, port) never holds a
 * `/`, so `[^/]*` spans it, trailing dots and ports included; the host itself is checked by the
 * rule's `requestDomains`.
 */
const AUTHORITY = '^[^:]*://[^/]*';

/**
 * The regex for a path prefix as the engine reads paths (pattern.ts `normalizePath`): case-
 * insensitive by the rule's flag, and every `/` may be repeated. Percent-escaped forms are not
 * spelled out (that would cost ~5 RE2 instructions per character): the escape rule below sends
 * them to the block page, which decides with the engine.
 */
export function pathRegex(path: string): string {
  return escapeRegex(path).replaceAll('/', '/+');
}

/** A regex matching URLs whose normalised path starts with one of `paths` ('' = any path). */
export function pathsRegex(paths: readonly string[]): string {
  if (paths.length === 1 && paths[0] === '') return '^.+$';
  const alternatives = paths.map(pathRegex);
  const body = alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`;
  // `.*`: the substitution's \0 is the whole match, and the block page needs the whole URL.
  return `${AUTHORITY}${body ?? ''}.*`;
}

/**
 * URLs whose path holds a percent-escape of an unreserved character (`%6D` for `m`): a form no
 * browser produces by itself, which the app's server reads like the plain character. They go to
 * the block page, which decides with the engine and lets anything not blocked through.
 */
export const ESCAPED_PATH_REGEX = `${AUTHORITY}/[^?#]*%(?:3[0-9]|[46][1-9a-f]|[57][0-9a]|2[de]|5f|7e).*`;

/** Characters with a meaning in a urlFilter; a path holding one cannot be written as one. */
const URL_FILTER_SPECIAL = /[*^|]/;

/**
 * urlFilters for a pattern that need no regex: `||host/path` and the trailing-dot form of the
 * host (`||host./path`, which `||host` does not cover). A port or a percent-escape is not caught:
 * use them where missing those forms only lets a sub-request through, never a page.
 * Empty when the path cannot be written as a urlFilter.
 */
export function patternUrlFilters(pattern: HostPattern): string[] {
  if (URL_FILTER_SPECIAL.test(pattern.path)) return [];
  const path = pattern.path === '' ? '/' : pattern.path;
  return [`||${pattern.host}${path}`, `||${pattern.host}.${path}`];
}

/** A urlFilter matching exactly one URL, or null when the URL holds a urlFilter character. */
export function exactUrlFilter(url: string): string | null {
  return URL_FILTER_SPECIAL.test(url) ? null : `|${url}|`;
}
