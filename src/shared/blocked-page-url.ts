/**
 * Reads `blocked.html?app=<id>&url=<original>` defensively. The network rule inserts the original
 * URL raw (its own `&` and `#` included), the content script inserts it encoded: both are accepted.
 * `url` is always the last parameter; a rule that serves many apps writes only `?url=<original>`.
 */
import { isId } from '../policy/ids';

export function parseBlockedPageUrl(href: string): { appId: string; url: string } {
  const query = href.slice(href.indexOf('?') + 1);
  const joined = query.indexOf('&url=');
  const urlAt = query.startsWith('url=') ? 0 : joined === -1 ? -1 : joined + 1;
  const head = urlAt === -1 ? query : query.slice(0, Math.max(0, urlAt - 1));
  let url = urlAt === -1 ? '' : query.slice(urlAt + 'url='.length);
  if (/^https?%3a/i.test(url)) {
    try {
      url = decodeURIComponent(url);
    } catch {
      // Keep the raw text: the worker checks it before anything navigates to it.
    }
  }
  const appId = new URLSearchParams(head.split('#')[0]).get('app') ?? '';
  return { appId: isId(appId) ? appId : '', url: url.slice(0, 8192) };
}

/** The block page's query in its documented form: `?app=<id>&url=<original, encoded>`. */
export function blockedPageQuery(appId: string, url: string): string {
  return `?app=${encodeURIComponent(appId)}&url=${encodeURIComponent(url)}`;
}
