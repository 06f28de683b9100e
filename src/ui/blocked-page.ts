/** Renders the block page: what was blocked and why, the alternative first, the helpdesk. Text only. */
import type { Responses } from '../messaging/responses';
import { isHttpsUrl, pickLocalized, whyLine, type Translate } from './text';

type Input = Partial<Responses['getDecision']> & { url: string; t: Translate; language: string };

function add<K extends keyof HTMLElementTagNameMap>(
  parent: HTMLElement,
  tag: K,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  parent.append(node);
  return node;
}

/** Fills `main` with the block page for a decision (or a generic page if the worker did not answer). */
export function renderBlockedPage(
  main: HTMLElement,
  { decision, organization, url, t, language }: Input,
): void {
  main.replaceChildren();
  const app = decision?.app;
  const appName = app?.name ?? t('unknownApp');
  const org = organization?.name;
  add(main, 'h1', org ? t('blockedTitleOrg', [org, appName]) : t('blockedTitle', [appName]));
  add(main, 'p', app ? whyLine(app, t) : t('whyOther'));
  const message = pickLocalized(app?.message, language);
  if (message) add(main, 'p', message).className = 'org-message';
  const alternative = decision?.alternative;
  if (alternative && isHttpsUrl(alternative.url)) {
    const link = add(add(main, 'p'), 'a', t('useAlternative', [alternative.name]));
    link.href = alternative.url;
    link.className = 'primary';
    const instructions = pickLocalized(alternative.instructions, language);
    if (instructions) add(main, 'p', instructions);
  } else {
    add(main, 'p', t('askIt'));
  }
  if (organization?.supportUrl && isHttpsUrl(organization.supportUrl)) {
    const support = add(add(main, 'p'), 'a', t('contactSupport'));
    support.href = organization.supportUrl;
  }
  const details = add(main, 'p');
  details.className = 'address';
  add(details, 'span', `${t('blockedAddress')} `);
  add(details, 'code', url);
  add(main, 'p', t('blockedNothingSent'));
}
