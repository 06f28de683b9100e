/**
 * The helpdesk status page (also the options page): version, browser, install type, the policy in
 * force and why, every validation problem, the decision per app, a URL tester, recent events, and
 * "Copy diagnostics" / "Export events".
 */
import type { ReplyOf } from '../messaging/protocol';
import { describeChosenReason } from '../status/chosen-reason';
import { buildDiagnostics, eventsToCsv } from '../status/diagnostics';
import { h } from './dom';
import { renderCentralPolicy, renderReporting } from './status-fleet';
import { renderHealth, renderNetworkRules } from './status-network';
import type { PageContext } from '../messaging/page-context';
import {
  actionLabel,
  reasonLabel,
  renderDecisions,
  renderEvents,
  renderIssues,
} from './status-tables';

const INSTALL_TYPES: Record<string, string> = {
  admin: 'installAdmin',
  development: 'installDevelopment',
  normal: 'installNormal',
};
const SOURCES: Record<string, string> = {
  managed: 'sourceManaged',
  url: 'sourceUrl',
  'last-known-good': 'sourceLastKnownGood',
  default: 'sourceDefault',
};

function facts(parent: HTMLElement, rows: [string, string, string?][]): void {
  const list = h('dl', { className: 'facts', parent });
  for (const [label, value, id] of rows) {
    h('dt', { text: label, parent: list });
    const dd = h('dd', { text: value, parent: list });
    if (id) dd.id = id;
  }
}

/** What the status page asks of the worker (passed in: ui does not message it itself). */
export type StatusActions = {
  explain: (url: string) => Promise<ReplyOf<'explainUrl'>>;
  refreshPolicy: () => Promise<ReplyOf<'refreshPolicy'>>;
  sendReport: () => Promise<ReplyOf<'sendReportNow'>>;
  reporting: ReplyOf<'getReporting'>;
};

/** Fills `main` with the status page. */
export function renderStatusPage(
  main: HTMLElement,
  { snapshot, t, language }: PageContext,
  status: ReplyOf<'getStatus'>,
  worker: StatusActions,
): void {
  const { explain } = worker;
  main.replaceChildren();
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'medium' });
  h('h1', { text: t('statusTitle'), parent: main });
  h('p', { text: t('statusIntro'), parent: main });
  const actions = h('p', { className: 'actions', parent: main });
  const copy = h('button', {
    text: t('copyDiagnostics'),
    parent: actions,
    attrs: { type: 'button', id: 'copy-diagnostics' },
  });
  const exportButton = h('button', {
    text: t('exportEvents'),
    parent: actions,
    attrs: { type: 'button', id: 'export-events' },
  });
  const copied = h('span', { parent: actions, attrs: { role: 'status' } });

  h('h2', { text: t('statusAbout'), parent: main });
  const { installation } = status;
  const isManagedPresent =
    snapshot?.source === 'managed' || snapshot?.fallbackReason === 'managed-policy-unusable';
  facts(main, [
    [t('statusVersion'), installation.version],
    [t('statusBrowser'), installation.browser],
    [t('statusExtensionId'), installation.extensionId],
    [t('statusInstallType'), t(INSTALL_TYPES[installation.installType] ?? 'installOther')],
    [t('statusManagedPresent'), t(isManagedPresent ? 'yes' : 'no')],
  ]);

  h('h2', { text: t('statusPolicy'), parent: main });
  if (snapshot) {
    facts(main, [
      [t('statusSource'), t(SOURCES[snapshot.source] ?? 'sourceDefault'), 'policy-source'],
      [
        t('statusReceived'),
        snapshot.receivedAt === undefined ? '—' : date.format(snapshot.receivedAt),
      ],
      [t('statusHash'), snapshot.hash ?? '—', 'policy-hash'],
      [t('statusOrganization'), snapshot.compiled.organization.name ?? '—'],
    ]);
    if (snapshot.fallbackReason && snapshot.source !== 'managed') {
      h('p', {
        className: 'fallback',
        text: t(
          snapshot.fallbackReason === 'no-managed-policy'
            ? 'fallbackNoManaged'
            : 'fallbackUnusable',
        ),
        parent: main,
        attrs: { id: 'fallback-reason' },
      });
    }
    renderNetworkRules(main, status.networkRules, t, date);
    renderHealth(main, status.health, t);
    renderCentralPolicy(main, status.centralPolicy, t, date, worker.refreshPolicy);
    renderReporting(main, worker.reporting, t, date, worker.sendReport);
    h('h2', { text: t('statusIssues'), parent: main });
    renderIssues(main, snapshot.issues, t);
    h('h2', { text: t('statusDecisions'), parent: main });
    renderDecisions(main, snapshot.compiled, t);
    renderTester(main, { snapshot, t, language }, explain);
  }

  h('h2', { text: t('statusEvents'), parent: main });
  if (!status.eventLog.available)
    h('p', {
      className: 'fallback',
      text: t('eventsUnavailable'),
      parent: main,
      attrs: { id: 'events-unavailable' },
    });
  const filterLabel = h('label', {
    text: t('eventsFilter'),
    parent: main,
    attrs: { for: 'event-filter' },
  });
  filterLabel.className = 'inline';
  const filter = h('select', { parent: main, attrs: { id: 'event-filter' } });
  h('option', { text: t('eventsAll'), parent: filter, attrs: { value: '' } });
  for (const appId of [...new Set(status.eventLog.events.map((e) => e.appId))].sort())
    h('option', { text: appId, parent: filter, attrs: { value: appId } });
  const eventsBox = h('div', { parent: main, attrs: { id: 'events' } });
  const chosenReason = describeChosenReason(snapshot?.compiled, language);
  const showEvents = () =>
    renderEvents(
      eventsBox,
      status.eventLog.events.filter((e) => !filter.value || e.appId === filter.value),
      t,
      language,
      chosenReason,
    );
  filter.addEventListener('change', showEvents);
  showEvents();

  const diagnostics = JSON.stringify(
    buildDiagnostics({
      installation,
      snapshot,
      eventLog: status.eventLog,
      networkRules: status.networkRules,
      health: status.health,
      now: Date.now(),
    }),
    null,
    2,
  );
  const details = h('details', { parent: main });
  h('summary', { text: t('diagnosticsHeading'), parent: details });
  h('pre', { text: diagnostics, parent: details, attrs: { id: 'diagnostics' } });
  copy.addEventListener('click', () => {
    void navigator.clipboard.writeText(diagnostics).then(() => (copied.textContent = t('copied')));
  });
  exportButton.addEventListener('click', () => {
    const link = h('a', { parent: document.body });
    link.href = URL.createObjectURL(
      new Blob([eventsToCsv(status.eventLog.events, chosenReason)], { type: 'text/csv' }),
    );
    link.download = `signpost-events-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    link.remove();
  });
}

function renderTester(
  main: HTMLElement,
  {
    snapshot,
    t,
  }: Pick<PageContext, 't' | 'language'> & { snapshot: NonNullable<PageContext['snapshot']> },
  explain: (url: string) => Promise<ReplyOf<'explainUrl'>>,
): void {
  h('h2', { text: t('statusTester'), parent: main });
  const form = h('form', { className: 'tester', parent: main });
  h('label', { text: t('testerLabel'), parent: form, attrs: { for: 'tester-url' } });
  const input = h('input', {
    parent: form,
    attrs: { id: 'tester-url', type: 'url', spellcheck: 'false' },
  });
  h('button', { text: t('testerButton'), parent: form, attrs: { type: 'submit' } });
  const result = h('p', { parent: main, attrs: { id: 'tester-result', role: 'status' } });
  let asked = 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = input.value.trim();
    const question = ++asked;
    // The worker's engine decides, as for a real page load. Only the latest question's answer
    // is shown; `data-url` says which address the shown answer is for.
    explain(url).then(
      (decision) => {
        if (question !== asked) return;
        const app = snapshot.compiled.apps.find((a) => a.id === decision.appId);
        result.dataset.url = url;
        result.dataset.app = decision.appId ?? '';
        result.dataset.action = decision.action;
        result.textContent = app
          ? t('testerResult', [
              app.name,
              app.id,
              actionLabel(decision.action, t),
              reasonLabel(app, t),
            ])
          : t('testerNoApp');
      },
      (error: unknown) => {
        if (question !== asked) return;
        result.dataset.url = url;
        result.textContent = t('pageError', [
          error instanceof Error ? error.message : String(error),
        ]);
      },
    );
  });
}
