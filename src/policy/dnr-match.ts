/**
 * How declarativeNetRequest matches the rules Signpost writes, emulated: the worker uses it to
 * tell whether one of its own rules sent a page to the block page (only then does the block page
 * open an address that turns out not to be blocked: no open redirect), and the agreement tests
 * compare the engine with the planned rules through it. It is itself checked against the real
 * matcher (chrome.declarativeNetRequest.testMatchOutcome) in tests/e2e/rule-agreement.test.ts.
 *
 * Semantics followed (developer.chrome.com declarativeNetRequest, measured in Chromium 156):
 * `requestDomains` match the host and its subdomains, trailing dots ignored; `regexFilter` and
 * `urlFilter` run on the canonical URL, case-insensitively unless `isUrlFilterCaseSensitive`;
 * urlFilter `||` anchors at a host label, `|` at the start or end, `*` is any text and `^` a
 * separator; the highest priority wins, and at equal priority allow > block > redirect.
 */
import type { DnrRule } from './dnr-rules';

export type Request = { url: string; type: string; tabId?: number };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const urlFilterCache = new Map<string, RegExp>();

/** A urlFilter as a JavaScript regex. */
function urlFilterRegex(filter: string, caseSensitive: boolean): RegExp {
  const key = `${caseSensitive ? 1 : 0}${filter}`;
  const cached = urlFilterCache.get(key);
  if (cached) return cached;
  let rest = filter;
  let source = '';
  if (rest.startsWith('||')) {
    source = '^[a-z][a-z0-9+.-]*://(?:[^/?#]*@)?(?:[^/?#:@]*\\.)?';
    rest = rest.slice(2);
  } else if (rest.startsWith('|')) {
    source = '^';
    rest = rest.slice(1);
  }
  const anchoredEnd = rest.endsWith('|');
  if (anchoredEnd) rest = rest.slice(0, -1);
  for (const char of rest) {
    if (char === '*') source += '.*';
    else if (char === '^') source += '(?:[^a-z0-9_\\-.%]|$)';
    else source += escape(char);
  }
  if (anchoredEnd) source += '$';
  const regex = new RegExp(source, caseSensitive ? '' : 'i');
  urlFilterCache.set(key, regex);
  return regex;
}

const regexCache = new Map<string, RegExp>();
function regexOf(source: string, caseSensitive: boolean): RegExp {
  const key = `${caseSensitive ? 1 : 0}${source}`;
  let regex = regexCache.get(key);
  if (!regex) {
    regex = new RegExp(source, caseSensitive ? '' : 'i');
    regexCache.set(key, regex);
  }
  return regex;
}

/** Whether `rule` matches `request` (its URL already canonical). */
export function ruleMatches(rule: DnrRule, request: Request, host: string): boolean {
  const { condition } = rule;
  if (!condition.resourceTypes.includes(request.type)) return false;
  if (condition.tabIds && !condition.tabIds.includes(request.tabId ?? -1)) return false;
  if (
    condition.requestDomains &&
    !condition.requestDomains.some((domain) => host === domain || host.endsWith(`.${domain}`))
  )
    return false;
  const caseSensitive = condition.isUrlFilterCaseSensitive;
  if (condition.regexFilter !== undefined)
    return regexOf(condition.regexFilter, caseSensitive).test(request.url);
  if (condition.urlFilter !== undefined)
    return urlFilterRegex(condition.urlFilter, caseSensitive).test(request.url);
  return true;
}

const ACTION_ORDER: Record<DnrRule['action']['type'], number> = {
  allow: 3,
  block: 2,
  redirect: 1,
};

/** The rule the browser applies to a request, or null when none matches. */
export function winningRule(rules: readonly DnrRule[], request: Request): DnrRule | null {
  let parsed: URL;
  try {
    parsed = new URL(request.url);
  } catch {
    return null;
  }
  const canonical = { ...request, url: parsed.href };
  const host = parsed.hostname.toLowerCase().replace(/\.+$/, '');
  let best: DnrRule | null = null;
  for (const rule of rules) {
    if (!ruleMatches(rule, canonical, host)) continue;
    if (
      !best ||
      rule.priority > best.priority ||
      (rule.priority === best.priority &&
        ACTION_ORDER[rule.action.type] > ACTION_ORDER[best.action.type])
    )
      best = rule;
  }
  return best;
}

/** What happens to a page load under `rules`: it loads, is sent to the block page, or fails. */
export function frameOutcome(
  rules: readonly DnrRule[],
  url: string,
  tabId = 1,
): 'loads' | 'block-page' | 'blocked' {
  const rule = winningRule(rules, { url, type: 'main_frame', tabId });
  if (!rule || rule.action.type === 'allow') return 'loads';
  return rule.action.type === 'redirect' ? 'block-page' : 'blocked';
}
