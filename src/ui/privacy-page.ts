/**
 * The privacy page, for employees: what Signpost never does, what it keeps and for how long, what
 * is sent where (read from the policy in force), and each permission with its purpose.
 */
import { h } from './dom';
import type { PageContext } from '../messaging/page-context';
import type { ReportingState } from '../status/reporting-state';

/**
 * Fills `main` with the privacy page; `permissions` are the manifest's API permissions, `lastReport`
 * what fleet reporting last sent (shown exactly as sent).
 */
export function renderPrivacyPage(
  main: HTMLElement,
  { snapshot, t }: PageContext,
  permissions: readonly string[],
  lastReport: ReportingState | null,
): void {
  main.replaceChildren();
  h('h1', { text: t('privacyTitle'), parent: main });
  h('p', { className: 'lead', text: t('privacyIntro'), parent: main });
  const section = (title: string, lines: string[], id: string) => {
    h('h2', { text: title, parent: main });
    const list = h('ul', { parent: main, attrs: { id } });
    for (const line of lines) h('li', { text: line, parent: list });
  };
  section(
    t('privacyNeverHeading'),
    [t('privacyNeverMessages'), t('privacyNeverOtherSites'), t('privacyNeverIdentity')],
    'never',
  );
  const retention = snapshot?.compiled.eventLogRetentionDays ?? 30;
  section(
    t('privacyStoredHeading'),
    [
      t('privacyStoredPolicy'),
      t('privacyStoredAcknowledged'),
      retention > 0 ? t('privacyStoredEvents', [String(retention)]) : t('privacyStoredNoEvents'),
    ],
    'stored',
  );
  const reporting = snapshot?.compiled.reporting;
  let reportingHost: string | undefined;
  try {
    reportingHost = reporting?.url ? new URL(reporting.url).host : undefined;
  } catch {
    reportingHost = undefined;
  }
  section(
    t('privacySentHeading'),
    reportingHost
      ? [
          t('privacySentReporting', [String(reporting?.intervalMinutes ?? 60), reportingHost]),
          ...(reporting?.events ? [t('privacySentEvents')] : []),
        ]
      : [t('privacySentNothing')],
    'sent',
  );
  if (reportingHost) {
    const payload = lastReport?.lastPayload;
    h('p', { text: t(payload ? 'privacyLastReport' : 'privacyNoReportYet'), parent: main });
    if (payload)
      h('pre', {
        className: 'payload',
        text: JSON.stringify(payload, null, 2),
        parent: main,
        attrs: { id: 'last-report', tabindex: '0' },
      });
  }
  h('h2', { text: t('privacyPermissionsHeading'), parent: main });
  const list = h('dl', { className: 'facts', parent: main, attrs: { id: 'permissions' } });
  for (const permission of [...permissions.filter((p) => !p.includes('://')), 'hosts']) {
    h('dt', {
      text: permission === 'hosts' ? 'http, https, ws, wss: all sites' : permission,
      parent: list,
    });
    h('dd', { text: t(`permission_${permission}`), parent: list });
  }
}
