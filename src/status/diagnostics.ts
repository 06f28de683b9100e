/**
 * The helpdesk's diagnostics: one JSON object with everything the status page shows, except event
 * details (counts only), and with every URL reduced to its host. Pure.
 */
import type { PolicySnapshot } from '../messaging/snapshot';
import { formatPattern } from '../policy/pattern';
import type { EventRecord } from './event-record';
import type { Health } from './health';
import type { NetworkRuleState } from './network-state';

/** Facts about this installation that the worker reads from the browser. */
export type Installation = {
  version: string;
  extensionId: string;
  installType: string;
  browser: string;
};

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi;

/** Replaces every URL in a text by `scheme://host` (no path, query or user info). */
export function toHostsOnly(text: string): string {
  return text.replace(URL_PATTERN, (url) => {
    try {
      const parsed = new URL(url);
      return parsed.host ? `${parsed.protocol}//${parsed.host}` : `${parsed.protocol}…`;
    } catch {
      return '[address]';
    }
  });
}

/** Applies toHostsOnly to every string inside a JSON-like value. */
function hostsOnlyDeep(value: unknown): unknown {
  if (typeof value === 'string') return toHostsOnly(value);
  if (Array.isArray(value)) return value.map(hostsOnlyDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostsOnlyDeep(v)]));
  return value;
}

/** Browser name and major version from a user-agent string. */
export function describeBrowser(userAgent: string): string {
  const match = /(Edg|Firefox|Chrome|Chromium)\/(\d+)/.exec(userAgent);
  if (!match) return 'unknown';
  const names: Record<string, string> = {
    Edg: 'Edge',
    Firefox: 'Firefox',
    Chrome: 'Chromium-based',
    Chromium: 'Chromium',
  };
  return `${names[match[1] ?? ''] ?? match[1] ?? ''} ${match[2] ?? ''}`;
}

/** Counts of events per app and outcome. */
export function countEvents(
  events: readonly EventRecord[],
): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const { appId, outcome } of events) {
    const perApp = (counts[appId] ??= {});
    perApp[outcome] = (perApp[outcome] ?? 0) + 1;
  }
  return counts;
}

/** The diagnostics object for "Copy diagnostics". */
export function buildDiagnostics(input: {
  installation: Installation;
  snapshot: PolicySnapshot | null;
  eventLog: { available: boolean; events: readonly EventRecord[] };
  networkRules?: NetworkRuleState | null;
  health?: Health;
  now: number;
}): unknown {
  const { installation, snapshot, eventLog } = input;
  const network = input.networkRules;
  const diagnostics = {
    generatedAt: new Date(input.now).toISOString(),
    installation,
    policy: snapshot && {
      source: snapshot.source,
      receivedAt:
        snapshot.receivedAt === undefined ? null : new Date(snapshot.receivedAt).toISOString(),
      hash: snapshot.hash ?? null,
      fallbackReason: snapshot.fallbackReason ?? null,
      organization: snapshot.compiled.organization.name ?? null,
      language: snapshot.language,
      issues: snapshot.issues.map(
        ({ path, code, severity, message, effect, value, suggestion }) => ({
          path,
          code,
          severity,
          message,
          effect,
          value,
          suggestion,
        }),
      ),
    },
    decisions: snapshot?.compiled.apps.map((app) => ({
      app: app.id,
      custom: app.isCustom,
      action: app.action,
      reason: app.reason,
      rule: app.ruleIndex ?? null,
      alternative: app.alternative?.id ?? null,
      match: app.patterns.map(formatPattern),
    })),
    networkRules: network
      ? {
          status: network.status,
          installed: network.installedRules,
          planned: network.plannedRules,
          refused: network.refusedRules,
          errors: network.errors,
          appliedAt: new Date(network.appliedAt).toISOString(),
          durationMs: network.durationMs,
          ...network.summary,
        }
      : null,
    health: input.health ?? {},
    eventLog: {
      available: eventLog.available,
      total: eventLog.events.length,
      counts: countEvents(eventLog.events),
    },
  };
  return hostsOnlyDeep(diagnostics);
}

// New columns go at the end, so spreadsheets built on the earlier export keep working.
const CSV_COLUMNS = [
  'time',
  'appId',
  'action',
  'outcome',
  'reason',
  'reasonId',
  'reasonChoice',
] as const;

/**
 * Events as CSV (RFC 4180), with spreadsheet formulas neutralised. `reason` is the typed text,
 * `reasonId` the chosen reason's id and `reasonChoice` its words from `chosenReason`.
 */
export function eventsToCsv(
  events: readonly EventRecord[],
  chosenReason: (event: EventRecord) => string = (event) => event.reasonId ?? '',
): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const value = (event: EventRecord, column: (typeof CSV_COLUMNS)[number]) => {
    if (column === 'time') return new Date(event.time).toISOString();
    if (column === 'reasonChoice') return chosenReason(event);
    return event[column] ?? '';
  };
  const rows = events.map((event) =>
    CSV_COLUMNS.map((column) => cell(value(event, column))).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
