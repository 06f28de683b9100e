/**
 * The in-page warning: `<signpost-warning data-app data-action="warn">` under
 * `document.documentElement`, content in a closed shadow root so page CSS and scripts cannot reach
 * it. A narrow strip docked at the top that never blocks the app; it collapses to a small tab,
 * "Why?" expands the concrete risks. Every policy string is set as text, never as HTML.
 */
import type { CompiledPolicy } from '../policy/compile';
import type { Decision } from '../policy/decide';
import { renderContacts, whomToAsk } from './contacts';
import { h, safeLink } from './dom';
import type { Translate } from '../shared/i18n';
import { renderLogo } from './logo';
import { renderRiskList } from './risk-list';
import { pickLocalized, whyLine } from '../shared/text';
import { BANNER_CSS, HOST_STYLE } from './warning-banner-css';
import { WARNING_TAG } from '../shared/warning-tag';

export { WARNING_TAG } from '../shared/warning-tag';

/** Each warning's main control now on screen: where a check for a covering element looks. */
const controls = new WeakMap<HTMLElement, () => HTMLElement>();

/** The warning's first control on screen (inside its closed shadow root), for the guard's probe. */
export function warningControl(host: HTMLElement): HTMLElement | null {
  return controls.get(host)?.() ?? null;
}

export type WarningCallbacks = { onAcknowledge(): void; onUseAlternative(): void };
export type WarningInput = {
  decision: Decision;
  policy: CompiledPolicy;
  t: Translate;
  language: string;
};

function acknowledgeHint(days: number, appName: string, t: Translate): string {
  if (days === 0) return t('acknowledgeHintVisit');
  if (days === 1) return t('acknowledgeHintDay', [appName]);
  return t('acknowledgeHintDays', [String(days), appName]);
}

/**
 * Builds the warning for a `warn` decision: into `host` when the early script already placed the
 * element (it has no shadow root yet), else into a new element that is not yet attached.
 */
export function createWarning(
  { decision, policy, t, language }: WarningInput,
  callbacks: WarningCallbacks,
  early?: HTMLElement,
): HTMLElement {
  const app = decision.app;
  const appName = app?.name ?? t('unknownApp');
  const host = early ?? document.createElement(WARNING_TAG);
  host.dataset.app = decision.appId ?? '';
  host.dataset.action = 'warn';
  // A hostile page can define this element name to refuse a shadow root: then use an inner box.
  let root: ShadowRoot;
  try {
    root = host.attachShadow({ mode: 'closed' });
  } catch {
    host.setAttribute('style', HOST_STYLE);
    root = host.appendChild(document.createElement('div')).attachShadow({ mode: 'closed' });
  }
  h('style', { text: BANNER_CSS, parent: root });
  const region = h('section', {
    className: 'bar',
    parent: root,
    attrs: { role: 'region', 'aria-label': t('bannerLabel', [appName]) },
  });
  const lang = language.split('-')[0] ?? 'en';
  region.lang = lang;

  const full = h('div', { className: 'full', parent: region });
  const main = h('div', { className: 'main', parent: full });
  const text = h('div', { className: 'text', parent: main });
  const org = policy.organization.name;
  const logo = policy.organization.logo;
  // Logo and title share one row (the logo is no taller than 24 px), so the strip stays as low.
  const titleRow = logo ? h('div', { className: 'title', parent: text }) : text;
  renderLogo(titleRow, logo, org ? '' : t('organizationLogo'));
  h('h2', {
    text: org ? t('bannerTitleOrg', [org, appName]) : t('bannerTitle', [appName]),
    parent: titleRow,
  });
  h('p', { text: app ? whyLine(app, t) : t('whyOther'), parent: text });
  const message = pickLocalized(app?.message, lang);
  if (message) h('p', { className: 'org-message', text: message, parent: text });

  const actions = h('div', { className: 'actions', parent: main });
  const alternative = decision.alternative;
  if (alternative) {
    const link = safeLink(alternative.url, t('useAlternative', [alternative.name]), actions);
    link.className = 'primary';
    if (link instanceof HTMLAnchorElement) {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.addEventListener('click', () => callbacks.onUseAlternative());
    }
    const instructions = pickLocalized(alternative.instructions, lang);
    if (instructions) h('p', { className: 'instructions', text: instructions, parent: text });
  } else {
    h('p', {
      text: whomToAsk(policy.organization, t),
      parent: text,
    });
    renderContacts(text, policy.organization, t);
  }
  const why = h('button', {
    className: 'secondary',
    text: t('whyButton'),
    parent: actions,
    attrs: { type: 'button', 'aria-expanded': 'false' },
  });
  const acknowledge = h('button', {
    className: 'secondary',
    text: t('acknowledge'),
    parent: actions,
    attrs: { type: 'button' },
  });
  const collapse = h('button', {
    className: 'icon',
    text: '▴',
    parent: actions,
    attrs: { type: 'button', 'aria-label': t('collapse'), title: t('collapse') },
  });

  const details = h('div', { className: 'details', parent: full, attrs: { hidden: '' } });
  details.id = 'signpost-details';
  why.setAttribute('aria-controls', details.id);
  if (app) {
    h('h2', { className: 'details-title', text: t('whyHeading', [appName]), parent: details });
    renderRiskList(details, app, t);
  }
  h('p', {
    className: 'hint',
    text: acknowledgeHint(app?.warnings.acknowledgeForDays ?? 1, appName, t),
    parent: full,
  });

  const small = h('div', { className: 'small', parent: region, attrs: { hidden: '' } });
  h('span', { text: t('collapsedLabel', [appName]), parent: small });
  const expand = h('button', {
    className: 'secondary',
    text: t('expand'),
    parent: small,
    attrs: { type: 'button' },
  });

  why.addEventListener('click', () => {
    const isOpen = details.hidden;
    details.hidden = !isOpen;
    why.setAttribute('aria-expanded', String(isOpen));
  });
  acknowledge.addEventListener('click', () => callbacks.onAcknowledge());
  const setCollapsed = (isCollapsed: boolean) => {
    full.hidden = isCollapsed;
    small.hidden = !isCollapsed;
    region.classList.toggle('collapsed', isCollapsed);
    (isCollapsed ? expand : collapse).focus();
  };
  collapse.addEventListener('click', () => setCollapsed(true));
  expand.addEventListener('click', () => setCollapsed(false));
  region.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !full.hidden) setCollapsed(true);
  });
  const first = actions.firstElementChild instanceof HTMLElement ? actions.firstElementChild : why;
  controls.set(host, () => (full.hidden ? expand : first));
  return host;
}
