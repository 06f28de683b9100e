/** Tables of the status page: policy problems, decisions per app, events. Text only. */
import type { CompiledApp, CompiledPolicy } from '../policy/compile';
import type { PolicyIssue } from '../policy/issues';
import { formatPattern } from '../policy/pattern';
import type { ChosenReasonText } from '../status/chosen-reason';
import type { EventRecord } from '../status/event-record';
import { h } from './dom';
import type { Translate } from '../shared/i18n';

/** A table with a caption-less header row; returns the body for rows. */
export function table(
  parent: HTMLElement,
  headers: string[],
  className: string,
): HTMLTableSectionElement {
  const wrap = h('div', { className: 'table-wrap', parent });
  const element = h('table', { className, parent: wrap });
  const row = h('tr', { parent: h('thead', { parent: element }) });
  for (const header of headers) h('th', { text: header, parent: row, attrs: { scope: 'col' } });
  return h('tbody', { parent: element });
}

const cells = (body: HTMLTableSectionElement, values: string[]) => {
  const row = h('tr', { parent: body });
  for (const value of values) h('td', { text: value, parent: row });
  return row;
};

export const actionLabel = (action: string, t: Translate) =>
  t(action === 'block' ? 'actionBlock' : action === 'warn' ? 'actionWarn' : 'actionAllow');

/** Why an app got its action, in words: "rule 3 (rules[2])", "default", "approved alternative". */
export function reasonLabel(app: Pick<CompiledApp, 'reason' | 'ruleIndex'>, t: Translate): string {
  if (app.reason === 'approved') return t('reasonApproved');
  if (app.reason === 'rule')
    return `${t('reasonRule', [String((app.ruleIndex ?? 0) + 1)])} (rules[${String(app.ruleIndex ?? 0)}])`;
  return t('reasonDefault');
}

export function renderIssues(
  parent: HTMLElement,
  issues: readonly PolicyIssue[],
  t: Translate,
): void {
  if (issues.length === 0) {
    h('p', { text: t('statusNoIssues'), parent });
    return;
  }
  const body = table(
    parent,
    [t('issuePath'), t('issueValue'), t('issueProblem'), t('issueEffect')],
    'issues',
  );
  for (const issue of issues) {
    const severity = t(issue.severity === 'error' ? 'severityError' : 'severityWarning');
    const row = cells(body, [
      issue.path,
      issue.value ?? '',
      `${severity}: ${issue.message}`,
      issue.effect ?? '',
    ]);
    row.dataset.severity = issue.severity;
    row.dataset.path = issue.path;
  }
}

export function renderDecisions(parent: HTMLElement, policy: CompiledPolicy, t: Translate): void {
  const body = table(
    parent,
    [
      t('columnApp'),
      t('columnAction'),
      t('columnReason'),
      t('columnAlternative'),
      t('columnMatch'),
    ],
    'decisions',
  );
  for (const app of policy.apps) {
    const row = cells(body, [
      `${app.name} (${app.id}${app.isCustom ? `, ${t('customAppNote')}` : ''})`,
      actionLabel(app.action, t),
      reasonLabel(app, t),
      app.alternative?.name ?? '—',
      app.patterns.map(formatPattern).join(', '),
    ]);
    row.dataset.app = app.id;
    row.dataset.action = app.action;
  }
}

const OUTCOMES: Record<EventRecord['outcome'], string> = {
  warned: 'outcomeWarned',
  blocked: 'outcomeBlocked',
  acknowledged: 'outcomeAcknowledged',
  'used-alternative': 'outcomeUsedAlternative',
  proceeded: 'outcomeProceeded',
};

/** The events table; `chosenReason` words each chosen reason id (see describeChosenReason). */
export function renderEvents(
  parent: HTMLElement,
  events: readonly EventRecord[],
  t: Translate,
  language: string,
  chosenReason: ChosenReasonText,
): void {
  parent.replaceChildren();
  if (events.length === 0) {
    h('p', { text: t('eventsNone'), parent });
    return;
  }
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
  const body = table(
    parent,
    [
      t('columnTime'),
      t('columnApp'),
      t('columnAction'),
      t('columnOutcome'),
      t('columnChosenReason'),
      t('columnGivenReason'),
    ],
    'events',
  );
  for (const event of events) {
    const row = cells(body, [
      format.format(event.time),
      event.appId,
      actionLabel(event.action, t),
      t(OUTCOMES[event.outcome]),
      chosenReason(event),
      event.reason ?? '',
    ]);
    row.dataset.outcome = event.outcome;
    if (event.reasonId !== undefined) row.dataset.reasonId = event.reasonId;
  }
}
