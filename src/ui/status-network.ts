/**
 * The status page's "Network blocking" section: whether the rules that stop blocked pages before
 * any request are in force, what the browser refused (its own words), and where the rules only
 * approximate the policy. Text only.
 */
import { failedSteps, type Health, type HealthStep } from '../status/health';
import type { NetworkRuleState } from '../status/network-state';
import { h } from './dom';
import type { Translate } from '../shared/i18n';

const STATUS_TEXT: Record<NetworkRuleState['status'], string> = {
  ok: 'networkOk',
  degraded: 'networkDegraded',
  failed: 'networkFailed',
};

/** Fills `parent` with the network-rule state (or says none was recorded yet). */
export function renderNetworkRules(
  parent: HTMLElement,
  state: NetworkRuleState | null,
  t: Translate,
  date: Intl.DateTimeFormat,
): void {
  h('h2', { text: t('statusNetwork'), parent });
  const lead = h('p', { parent, attrs: { id: 'network-status' } });
  if (!state) {
    lead.textContent = t('networkUnknown');
    lead.dataset.status = 'unknown';
    return;
  }
  lead.dataset.status = state.status;
  lead.textContent = t(STATUS_TEXT[state.status]);
  if (state.status !== 'ok') lead.className = 'fallback';
  const list = h('dl', { className: 'facts', parent });
  const fact = (label: string, value: string, id?: string) => {
    h('dt', { text: label, parent: list });
    const dd = h('dd', { text: value, parent: list });
    if (id) dd.id = id;
  };
  const { summary } = state;
  fact(
    t('networkRules'),
    t('networkRuleCounts', [
      String(state.installedRules),
      String(state.plannedRules),
      String(summary.regexRules),
    ]),
    'network-rules',
  );
  fact(t('networkBlockedPatterns'), String(summary.blockedPatterns), 'network-patterns');
  fact(
    t('networkApplied'),
    t('networkAppliedAt', [date.format(state.appliedAt), String(state.durationMs)]),
  );
  if (state.errors.length > 0) {
    h('h3', { text: t('networkErrors'), parent });
    const errors = h('ul', { parent, attrs: { id: 'network-errors' } });
    for (const error of state.errors) h('li', { text: error, parent: errors });
  }
  const notes = [
    [summary.sharedPathPatterns, 'networkNoteShared'],
    [summary.shortenedPathPatterns, 'networkNoteShortened'],
    [summary.releasedAllowPatterns, 'networkNoteReleased'],
    [summary.unblockedSubresourcePatterns, 'networkNoteSubresources'],
  ] as const;
  for (const [count, message] of notes)
    if (count > 0) h('p', { text: t(message, [String(count)]), parent });
}

/** Message names (the browser's i18n allows only letters, digits and `_` in them). */
const STEP_LABELS: Record<HealthStep, string> = {
  'last-known-good': 'healthLastKnownGood',
  snapshot: 'healthSnapshot',
  'event-log': 'healthEventLog',
  'custom-app-scripts': 'healthCustomAppScripts',
  'early-warnings': 'healthEarlyWarnings',
  unexpected: 'healthUnexpected',
};

/** The apply steps that failed (IndexedDB, storage, script registration), in the browser's words. */
export function renderHealth(parent: HTMLElement, health: Health, t: Translate): void {
  const failed = failedSteps(health);
  if (failed.length === 0) return;
  h('h3', { text: t('healthHeading'), parent });
  const list = h('ul', { parent, attrs: { id: 'health-problems' } });
  for (const [step, entry] of failed) {
    const when = step === 'unexpected' ? ` (${new Date(entry.at).toLocaleString()})` : '';
    const item = h('li', {
      text: `${t(STEP_LABELS[step])}${when}: ${entry.error ?? ''}`,
      parent: list,
    });
    item.dataset.step = step;
  }
}
