/**
 * The in-page warning: `<signpost-warning data-app data-action="warn">` under
 * `document.documentElement`, its content in a closed shadow root so page CSS and scripts cannot
 * reach it. Every policy string is set with textContent, never as HTML.
 */
import type { Decision } from '../policy/decide';
import type { CompiledPolicy } from '../policy/compile';
import { isHttpsUrl, pickLocalized, whyLine, type Translate } from './text';

/** The element name: a stable hook for tests and helpdesk. */
export const WARNING_TAG = 'signpost-warning';

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; inset: 0 0 auto 0 !important;
  z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important; }
.bar { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff8e1;
  border-bottom: 2px solid #8a6d00; padding: 10px 16px; display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; }
.text { flex: 1 1 24em; }
h2 { font-size: 15px; margin: 0; font-weight: 600; }
p { margin: 2px 0 0; }
a { color: #fff; background: #1d4ed8; padding: 6px 12px; border-radius: 4px; text-decoration: none; font-weight: 600; }
a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { .bar { background: #2b2410; color: #f5f0e0; border-color: #d4b24c; } }
`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Builds the warning element for a `warn` decision. Not yet attached. */
export function createWarning(
  decision: Decision,
  policy: CompiledPolicy,
  t: Translate,
  language: string,
): HTMLElement {
  const app = decision.app;
  const host = document.createElement(WARNING_TAG);
  host.dataset.app = decision.appId ?? '';
  host.dataset.action = 'warn';
  const root = host.attachShadow({ mode: 'closed' });
  const style = element('style', STYLE);
  const bar = element('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t('bannerLabel'));
  const text = element('div');
  text.className = 'text';
  const appName = app?.name ?? t('unknownApp');
  const org = policy.organization.name;
  text.append(
    element('h2', org ? t('bannerTitleOrg', [org, appName]) : t('bannerTitle', [appName])),
  );
  text.append(element('p', app ? whyLine(app, t) : t('whyOther')));
  const message = pickLocalized(app?.message, language);
  if (message) text.append(element('p', message));
  bar.append(text);
  const alternative = decision.alternative;
  if (alternative && isHttpsUrl(alternative.url)) {
    const link = element('a', t('useAlternative', [alternative.name]));
    link.href = alternative.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    bar.append(link);
  } else {
    bar.append(element('p', t('askIt')));
  }
  root.append(style, bar);
  return host;
}
