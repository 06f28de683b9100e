/**
 * The block page: what was blocked and why (the same risk list as the banner), the alternative as
 * the main action, the helpdesk, "request access", and — only when the policy allows it —
 * "continue anyway" with a reason (proceed-form.ts). The organisation's logo, if any, heads the
 * page. The original URL is shown as text and only navigated to after the worker has checked it
 * still belongs to the blocked app.
 */
import type { CompiledPolicy } from '../policy/compile';
import { renderContacts, whomToAsk } from './contacts';
import { h, safeLink } from './dom';
import type { Translate } from '../shared/i18n';
import { renderLogo } from './logo';
import { renderProceed, type Proceed } from './proceed-form';
import { renderRiskList } from './risk-list';
import { pickLocalized, whyLine } from '../shared/text';

export type BlockedPageInput = {
  app: CompiledPolicy['apps'][number] | undefined;
  policy: CompiledPolicy | undefined;
  url: string;
  t: Translate;
  language: string;
  /** Asks the worker to let this tab through; resolves to the URL to open, or rejects with why not. */
  proceed: Proceed;
};

function requestAccessLink(
  policy: CompiledPolicy,
  appId: string,
  appName: string,
  t: Translate,
): string | undefined {
  const { requestAccessUrl, supportEmail } = policy.organization;
  if (requestAccessUrl) return requestAccessUrl.replaceAll('{app}', encodeURIComponent(appId));
  if (supportEmail)
    return `mailto:${supportEmail}?subject=${encodeURIComponent(t('requestAccessSubject', [appName]))}`;
  return undefined;
}

/** What the page can still change after rendering. */
export type BlockedPageView = {
  /** Says whether anything reached the site (only the worker knows; empty until it answers). */
  setSentNote(text: string): void;
};

/** Fills `main` with the block page. */
export function renderBlockedPage(
  main: HTMLElement,
  { app, policy, url, t, language, proceed }: BlockedPageInput,
): BlockedPageView {
  main.replaceChildren();
  const appName = app?.name ?? t('unknownApp');
  const org = policy?.organization.name;
  const lang = language.split('-')[0] ?? 'en';
  // The heading names the organisation when it has a name: the logo next to it is decorative.
  renderLogo(main, policy?.organization.logo, org ? '' : t('organizationLogo'));
  h('h1', {
    text: org ? t('blockedTitleOrg', [org, appName]) : t('blockedTitle', [appName]),
    parent: main,
  });
  h('p', { className: 'lead', text: app ? whyLine(app, t) : t('whyOther'), parent: main });
  const message = pickLocalized(app?.message, lang);
  if (message) h('p', { className: 'org-message', text: message, parent: main });

  const next = h('section', { className: 'next', parent: main });
  const alternative = app?.alternative;
  if (alternative) {
    safeLink(
      alternative.url,
      t('useAlternative', [alternative.name]),
      h('p', { parent: next }),
    ).className = 'primary';
    const instructions = pickLocalized(alternative.instructions, lang);
    if (instructions) h('p', { text: instructions, parent: next });
  }
  if (policy) {
    if (!alternative) h('p', { text: whomToAsk(policy.organization, t), parent: next });
    renderContacts(next, policy.organization, t);
    const access = app && requestAccessLink(policy, app.id, appName, t);
    if (access)
      safeLink(access, t('requestAccess'), h('p', { parent: next }), ['https:', 'mailto:']);
  }

  if (app) {
    const details = h('details', { className: 'risks-panel', parent: main });
    h('summary', { text: t('whyHeading', [appName]), parent: details });
    renderRiskList(details, app, t);
  }

  const address = h('p', { className: 'address', parent: main });
  h('span', { text: `${t('blockedAddress')} `, parent: address });
  h('code', { text: url, parent: address });
  const sentNote = h('p', { parent: main, attrs: { id: 'sent-note' } });

  // Never inside a frame: a website could frame this page and trick a click (the worker refuses too).
  if (app?.warnings.allowProceed && window.top === window)
    renderProceed(main, app, t, lang, proceed);
  return {
    setSentNote: (text) => {
      sentNote.textContent = text;
    },
  };
}

/**
 * The page was opened on an address the policy does not block, and not by one of Signpost's rules
 * (a link someone made): say so, show the address as text, and open nothing.
 */
export function renderNotBlocked(main: HTMLElement, url: string, t: Translate): void {
  main.replaceChildren();
  h('h1', { text: t('notBlockedTitle'), parent: main });
  const address = h('p', { className: 'address', parent: main });
  h('span', { text: `${t('blockedAddress')} `, parent: address });
  h('code', { text: url, parent: address });
  h('p', { text: t('notBlockedExplain'), parent: main });
}
