/**
 * The toolbar popup: the current tab's state (approved, warned, blocked, or not an app Signpost
 * knows), the risk summary for warned and blocked apps, the organisation's approved apps and its
 * helpdesk, under the organisation's logo and name when the policy has a logo.
 */
import type { TabState } from '../messaging/protocol';
import { hasContacts, renderContacts } from './contacts';
import { h, safeLink } from './dom';
import { renderLogo } from './logo';
import type { PageContext } from '../messaging/page-context';
import { renderRiskList } from './risk-list';
import { pickLocalized, whyLine } from '../shared/text';

const STATE_TEXT: Record<TabState['state'], string> = {
  none: 'stateNone',
  approved: 'stateApproved',
  allowed: 'stateAllowed',
  warned: 'stateWarned',
  blocked: 'stateBlocked',
  proceeded: 'stateProceeded',
};

/** Fills `main` with the popup for `state`. */
export function renderPopup(
  main: HTMLElement,
  { snapshot, t, language, state }: PageContext & { state: TabState },
): void {
  main.replaceChildren();
  const policy = snapshot?.compiled;
  const lang = language.split('-')[0] ?? 'en';
  const organization = policy?.organization;
  if (organization?.logo) {
    const line = h('p', { className: 'organization', parent: main });
    renderLogo(line, organization.logo, organization.name ? '' : t('organizationLogo'));
    if (organization.name) h('span', { text: organization.name, parent: line });
  }
  h('h1', { text: t('popupTitle'), parent: main });
  const app = state.state === 'none' ? undefined : policy?.apps.find((a) => a.id === state.appId);
  const card = h('section', {
    className: `state state-${state.state}`,
    parent: main,
    attrs: { 'aria-label': t('popupTitle') },
  });
  card.dataset.state = state.state;
  h('p', {
    className: 'state-text',
    text: t(STATE_TEXT[state.state], [app?.name ?? t('unknownApp')]),
    parent: card,
  });
  if (
    app &&
    (state.state === 'warned' || state.state === 'blocked' || state.state === 'proceeded')
  ) {
    h('p', { text: whyLine(app, t), parent: card });
    const details = h('details', { parent: card });
    h('summary', { text: t('whyHeading', [app.name]), parent: details });
    renderRiskList(details, app, t);
  }

  h('h2', { text: t('approvedAppsHeading'), parent: main });
  const alternatives = policy?.alternatives ?? [];
  if (alternatives.length === 0) h('p', { text: t('noApprovedApps'), parent: main });
  const list = h('ul', { className: 'alternatives', parent: main });
  for (const alternative of alternatives) {
    const item = h('li', { parent: list });
    safeLink(alternative.url, alternative.name, item);
    const instructions = pickLocalized(alternative.instructions, lang);
    if (instructions) h('p', { className: 'instructions', text: instructions, parent: item });
  }

  if (policy && hasContacts(policy.organization)) {
    h('h2', { text: t('helpdeskHeading'), parent: main });
    renderContacts(main, policy.organization, t);
  }
  const links = h('p', { className: 'page-links', parent: main });
  const status = h('a', {
    text: t('statusLink'),
    parent: links,
    attrs: { href: '/status.html', target: '_blank' },
  });
  status.rel = 'noopener';
  h('span', { text: ' · ', parent: links, attrs: { 'aria-hidden': 'true' } });
  h('a', {
    text: t('privacyLink'),
    parent: links,
    attrs: { href: '/privacy.html', target: '_blank' },
  }).rel = 'noopener';
}
