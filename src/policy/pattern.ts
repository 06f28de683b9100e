/**
 * App match patterns (policy contract "Decisions"): `host` matches that host and its subdomains,
 * `host/path` also requires the URL path to start with `/path`. Pure: used by the engine, the
 * content script and the build.
 */

/** A parsed pattern: lower-case punycode host without trailing dot, optional lower-case path prefix. */
export type HostPattern = { host: string; path: string };

/** A pattern as the policy writes it: `host` or `host/path`. */
export const formatPattern = (pattern: HostPattern): string => `${pattern.host}${pattern.path}`;

/** Why a pattern string was rejected, as a short reason for the validation message. */
export type PatternError = 'empty' | 'scheme' | 'wildcard' | 'userinfo' | 'port' | 'query' | 'host';

const UNRESERVED_ESCAPE = /%([0-9a-f]{2})/gi;
const REPEATED_SLASHES = /\/{2,}/g;

/**
 * The path as an app's server reads it, for matching: percent-escapes of unreserved characters
 * decoded (RFC 3986 §6.2.2.2: `/%6Dessages` is `/messages`), repeated slashes collapsed (common
 * servers such as nginx serve `//channels` as `/channels`), lower-cased. Reserved escapes
 * (`%2F`) stay encoded: they mean something else. The network rules follow the same reading
 * (rule-plan.ts).
 */
export function normalizePath(path: string): string {
  const decoded = path.includes('%')
    ? path.replace(UNRESERVED_ESCAPE, (escape, hex: string) => {
        const char = String.fromCharCode(parseInt(hex, 16));
        return /[a-z0-9\-._~]/i.test(char) ? char : escape;
      })
    : path;
  return (decoded.includes('//') ? decoded.replace(REPEATED_SLASHES, '/') : decoded).toLowerCase();
}

/** Strips trailing dots: `web.whatsapp.com.` is the same host to DNS and browsers. */
export function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, '');
}

/** Parses a contract pattern, or says why it is not one. Never throws. */
export function parsePattern(raw: string): HostPattern | PatternError {
  const text = raw.trim();
  if (text === '') return 'empty';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return 'scheme';
  if (text.includes('*')) return 'wildcard';
  if (text.includes('@')) return 'userinfo';
  if (/[?#]/.test(text)) return 'query';
  let url: URL;
  try {
    url = new URL(`https://${text}`);
  } catch {
    return 'host';
  }
  if (url.port !== '') return 'port';
  const host = normalizeHost(url.hostname);
  if (host === '' || host.includes('/') || host.startsWith('.')) return 'host';
  const path = url.pathname === '/' ? '' : normalizePath(url.pathname);
  return { host, path };
}

/** Host-wide browser match patterns for a contract pattern: the host and its subdomains. */
export function toHostMatchPatterns(raw: string): string[] {
  const pattern = parsePattern(raw);
  if (typeof pattern === 'string') return [];
  return [`*://*.${pattern.host}/*`];
}

/** The parts of a URL that matching looks at; null when the URL cannot belong to any app. */
export type UrlTarget = { host: string; path: string };

/**
 * Extracts the matchable host and path of a URL per the contract: http(s) only; user info, port,
 * query and fragment are ignored (`https://web.whatsapp.com@evil.test/` is `evil.test`).
 */
export function toUrlTarget(url: string): UrlTarget | null {
  const parsed = parseHttpUrl(url);
  return parsed && { host: normalizeHost(parsed.hostname), path: normalizePath(parsed.pathname) };
}

/** The parsed URL if it is http(s); null for anything else or anything unparsable. */
export function parseHttpUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
}

/** Whether a URL target falls under a pattern (host or subdomain, then path prefix). */
export function isPatternMatch(pattern: HostPattern, target: UrlTarget): boolean {
  const { host } = target;
  const hostMatches =
    host === pattern.host ||
    (host.length > pattern.host.length &&
      host.endsWith(pattern.host) &&
      host[host.length - pattern.host.length - 1] === '.');
  return hostMatches && target.path.startsWith(pattern.path);
}
