/** The organisation's helpdesk contacts as links (web, mail, phone). Policy text as text only. */
import type { CompiledPolicy } from '../policy/compile';
import { h, safeLink } from './dom';
import type { Translate } from '../shared/i18n';

/** Whether the policy names any helpdesk contact. */
export function hasContacts({
  supportUrl,
  supportEmail,
  supportPhone,
}: CompiledPolicy['organization']): boolean {
  return Boolean(supportUrl ?? supportEmail ?? supportPhone);
}

/** "Ask the helpdesk…:" (followed by its contacts) or, with none named, "Ask your IT department…". */
export function whomToAsk(organization: CompiledPolicy['organization'], t: Translate): string {
  return hasContacts(organization) ? t('askHelpdesk') : t('askIt');
}

/** Appends the helpdesk links; returns false when the policy names no contact. */
export function renderContacts(
  parent: HTMLElement,
  organization: CompiledPolicy['organization'],
  t: Translate,
): boolean {
  const { supportUrl, supportEmail, supportPhone } = organization;
  if (!hasContacts(organization)) return false;
  const list = h('ul', { className: 'contacts', parent });
  if (supportUrl) safeLink(supportUrl, t('contactSupport'), h('li', { parent: list }));
  if (supportEmail)
    safeLink(
      `mailto:${encodeURIComponent(supportEmail).replace('%40', '@')}`,
      t('contactEmail', [supportEmail]),
      h('li', { parent: list }),
      ['mailto:'],
    );
  if (supportPhone)
    safeLink(
      `tel:${supportPhone.replace(/[^+\d]/g, '')}`,
      t('contactPhone', [supportPhone]),
      h('li', { parent: list }),
      ['tel:'],
    );
  return true;
}
