/**
 * The status page's fleet sections: the central policy document (where from, the last success and
 * failure, signatures) and fleet reporting (where to, what was last sent, the next attempt), each
 * with a button for the helpdesk. Text only.
 */
import type { FetchState } from '../status/fetch-state';
import type { ReportingState } from '../status/reporting-state';
import { h } from './dom';
import type { Translate } from '../shared/i18n';

function facts(parent: HTMLElement, rows: [string, string, string?][]): void {
  const list = h('dl', { className: 'facts', parent });
  for (const [label, value, id] of rows) {
    h('dt', { text: label, parent: list });
    const dd = h('dd', { text: value, parent: list });
    if (id) dd.id = id;
  }
}

/** A button that runs `action` and says what came of it. */
function actionButton(
  parent: HTMLElement,
  label: string,
  id: string,
  action: () => Promise<string>,
): void {
  const row = h('p', { className: 'actions', parent });
  const button = h('button', { text: label, parent: row, attrs: { type: 'button', id } });
  const status = h('span', { parent: row, attrs: { role: 'status', id: `${id}-result` } });
  button.addEventListener('click', () => {
    button.disabled = true;
    action()
      .then(
        (text) => (status.textContent = text),
        (error: unknown) =>
          (status.textContent = error instanceof Error ? error.message : String(error)),
      )
      .finally(() => (button.disabled = false));
  });
}

/** "Central policy": shown when managed storage names a policyUrl. */
export function renderCentralPolicy(
  parent: HTMLElement,
  state: FetchState | null,
  t: Translate,
  date: Intl.DateTimeFormat,
  refresh: () => Promise<{ changed: boolean; failed: boolean; state: FetchState }>,
): void {
  if (!state?.url) return;
  h('h2', { text: t('centralHeading'), parent });
  const success = state.lastSuccess;
  const failure = state.lastFailure;
  facts(parent, [
    [t('centralUrl'), state.url, 'central-url'],
    [
      t('centralSignature'),
      state.requireSignature ? t('centralSigned', [String(state.keys)]) : t('centralUnsigned'),
    ],
    [
      t('centralLastSuccess'),
      success
        ? t('centralSuccess', [
            date.format(success.at),
            String(success.status),
            success.etag ?? '—',
            success.hash,
          ])
        : '—',
      'central-success',
    ],
    [
      t('centralLastFailure'),
      failure ? `${date.format(failure.at)}: ${failure.reason}` : '—',
      'central-failure',
    ],
  ]);
  actionButton(parent, t('centralRefresh'), 'central-refresh', async () => {
    const result = await refresh();
    return result.failed
      ? t('centralRefreshFailed', [result.state.lastFailure?.reason ?? ''])
      : t(result.changed ? 'centralRefreshChanged' : 'centralRefreshSame');
  });
}

/** "Fleet reporting": shown when the policy turns reporting on. */
export function renderReporting(
  parent: HTMLElement,
  state: ReportingState,
  t: Translate,
  date: Intl.DateTimeFormat,
  sendNow: () => Promise<ReportingState>,
): void {
  if (!state.destination) return;
  h('h2', { text: t('reportingHeading'), parent });
  facts(parent, [
    [t('reportingDestination'), state.destination, 'reporting-destination'],
    [
      t('reportingLastSent'),
      state.lastSentAt === undefined ? '—' : date.format(state.lastSentAt),
      'reporting-sent',
    ],
    [
      t('reportingLastError'),
      state.lastError ? `${date.format(state.lastError.at)}: ${state.lastError.reason}` : '—',
      'reporting-error',
    ],
    [
      t('reportingNextAttempt'),
      state.nextAttemptAt === undefined ? '—' : date.format(state.nextAttemptAt),
    ],
  ]);
  actionButton(parent, t('reportingSendNow'), 'reporting-send', async () => {
    const next = await sendNow();
    return next.lastError && next.nextAttemptAt !== undefined
      ? t('reportingSendFailed', [next.lastError.reason])
      : t('reportingSendDone');
  });
}
