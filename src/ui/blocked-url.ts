/**
 * Reads `blocked.html?app=<id>&url=<original>` defensively. The network rule inserts the original
 * URL raw (its own `&` and `#` included), the content script inserts it encoded: both are accepted.
 */
export function parseBlockedPageUrl(href: string): { appId: string; url: string } {
  const query = href.slice(href.indexOf('?') + 1);
  const urlAt = query.indexOf('&url=');
  const head = urlAt === -1 ? query : query.slice(0, urlAt);
  let url = urlAt === -1 ? '' : query.slice(urlAt + '&url='.length);
  if (/^https?%3a/i.test(url)) {
    try {
      url = decodeURIComponent(url);
    } catch {
      // Keep the raw text: it is only shown, never navigated to here.
    }
  }
  const appId = new URLSearchParams(head.split('#')[0]).get('app') ?? '';
  return { appId: /^[a-z0-9-]{1,100}$/.test(appId) ? appId : '', url: url.slice(0, 8192) };
}
