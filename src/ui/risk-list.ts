/**
 * The concrete risks of an app, in plain words: the organisation's failed requirements first, then
 * the catalogue's risks that apply (unknown ones said as unknown, not hidden). Shared by the banner,
 * the block page and the popup.
 */
import { RISK_IDS, type CriterionValue } from '../catalogue/criteria';
import type { CompiledApp } from '../policy/compile';
import { h } from './dom';
import type { Translate } from '../shared/i18n';

const AUTH_RISKS = ['secret', 'server', 'operator', 'separation'] as const;

const key = (id: string) => id.replace(/-/g, '_');

function requirementLine(
  app: CompiledApp,
  measure: string,
  value: CriterionValue,
  t: Translate,
): string {
  const args = [app.name, t(`measure_${key(measure)}`)];
  if (value === false) return t('requirementFalse', args);
  if (value === 'partial') return t('requirementPartial', args);
  if (value === null) return t('requirementNotApplicable', args);
  return t('requirementUnknown', args);
}

const rank = (value: CriterionValue) => (value === true ? 0 : value === 'partial' ? 1 : 2);

/** Appends the risk explanation for `app` to `parent`. */
export function renderRiskList(parent: HTMLElement, app: CompiledApp, t: Translate): void {
  if (app.failedRequirements.length > 0) {
    h('h3', { text: t('requirementsHeading'), parent });
    const list = h('ul', { className: 'requirements', parent });
    for (const { measure, value } of app.failedRequirements)
      h('li', { text: requirementLine(app, measure, value, t), parent: list });
  }
  h('h3', { text: t('risksHeading'), parent });
  const list = h('ul', { className: 'risks', parent });
  const item = (title: string, text: string, tag?: string) => {
    const li = h('li', { parent: list });
    h('strong', { text: title, parent: li });
    if (tag) h('span', { className: 'tag', text: tag, parent: li });
    h('span', { text: ` ${text}`, parent: li });
  };
  if (app.category === 'authenticator') {
    for (const id of AUTH_RISKS) item(t(`authRisk_${id}_title`), t(`authRisk_${id}`));
    return;
  }
  const applying = RISK_IDS.filter((id) => {
    const value = app.risks[id];
    return value === true || value === 'partial' || value === 'unknown';
  }).sort((a, b) => rank(app.risks[a]) - rank(app.risks[b]));
  for (const id of applying) {
    const value = app.risks[id];
    const tag =
      value === 'partial' ? t('valuePartial') : value === 'unknown' ? t('valueUnknown') : undefined;
    item(t(`risk_${key(id)}_title`), t(`risk_${key(id)}`), tag);
  }
}
