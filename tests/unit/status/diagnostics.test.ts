import { describe, expect, it } from 'vitest';
import { readSnapshot, toSnapshot, toStoredSnapshot } from '../../../src/messaging/snapshot';
import { resolvePolicy } from '../../../src/policy/effective';
import {
  buildDiagnostics,
  describeBrowser,
  eventsToCsv,
  toHostsOnly,
} from '../../../src/status/diagnostics';
import { describeChosenReason } from '../../../src/status/chosen-reason';
import type { EventRecord } from '../../../src/status/event-record';

const EVENTS: EventRecord[] = [
  {
    time: Date.UTC(2026, 10, 23, 9),
    appId: 'telegram',
    action: 'block',
    outcome: 'proceeded',
    reason: '=HYPERLINK("https://evil.test/x?y=1")',
  },
  { time: Date.UTC(2026, 10, 23, 8), appId: 'whatsapp', action: 'warn', outcome: 'acknowledged' },
  { time: Date.UTC(2026, 10, 23, 7), appId: 'whatsapp', action: 'warn', outcome: 'warned' },
];

describe('diagnostics', () => {
  it('reduces every URL to scheme and host', () => {
    expect(
      toHostsOnly('see https://user:pw@helpdesk.example:8443/path?q=1#f and http://x.test/a'),
    ).toBe('see https://helpdesk.example:8443 and http://x.test');
  });

  it('describes the browser from its user agent', () => {
    expect(
      describeBrowser(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      ),
    ).toBe('Chromium-based 156');
    expect(
      describeBrowser('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0'),
    ).toBe('Firefox 153');
    expect(describeBrowser('curl/8')).toBe('unknown');
  });

  it('holds policy, issues, decisions and event counts, and no URL beyond hosts', () => {
    const { effective } = resolvePolicy(
      {
        organization: { name: 'Acme', supportUrl: 'http://helpdesk.acme.example/tickets?id=1' },
        alternatives: [{ id: 'teams', url: 'https://teams.microsoft.com/l/app/secret-path' }],
      },
      null,
      Date.UTC(2026, 10, 23),
    );
    const snapshot = readSnapshot(
      toStoredSnapshot(toSnapshot(effective, 0, { language: 'en', messages: {} })),
    );
    const diagnostics = buildDiagnostics({
      installation: {
        version: '0.1.0',
        extensionId: 'iibcgklibnmbknlhgijglbbcalghaboe',
        installType: 'admin',
        browser: 'Chromium-based 156',
      },
      snapshot,
      eventLog: { available: true, events: EVENTS },
      now: Date.UTC(2026, 10, 23, 10),
    }) as {
      policy: { issues: { path: string; value: string }[] };
      decisions: { app: string; action: string }[];
      eventLog: object;
    };
    const text = JSON.stringify(diagnostics);
    expect(diagnostics.policy.issues[0]).toMatchObject({
      path: 'organization.supportUrl',
      value: '"http://helpdesk.acme.example"',
    });
    expect(diagnostics.decisions).toContainEqual(
      expect.objectContaining({ app: 'teams', action: 'allow' }),
    );
    expect(diagnostics.eventLog).toEqual({
      available: true,
      total: 3,
      counts: { telegram: { proceeded: 1 }, whatsapp: { acknowledged: 1, warned: 1 } },
    });
    expect(text).not.toMatch(/https?:\/\/[^"]*\//);
    expect(text).not.toContain('HYPERLINK');
  });
});

describe('eventsToCsv', () => {
  it('writes RFC 4180 CSV and neutralises spreadsheet formulas', () => {
    const lines = eventsToCsv(EVENTS).split('\r\n');
    expect(lines[0]).toBe('time,appId,action,outcome,reason,reasonId,reasonChoice');
    expect(lines[1]).toBe(
      `2026-11-23T09:00:00.000Z,telegram,block,proceeded,"'=HYPERLINK(""https://evil.test/x?y=1"")",,`,
    );
    expect(lines[2]).toBe('2026-11-23T08:00:00.000Z,whatsapp,warn,acknowledged,,,');
    expect(lines).toHaveLength(5);
  });

  it('adds the chosen reason: its id, and its words in the policy in force', () => {
    const { effective } = resolvePolicy(
      {
        rules: [
          {
            app: 'telegram',
            action: 'block',
            warnings: {
              allowProceed: true,
              reasons: [
                { id: 'supplier', text: { nl: 'Leverancier, "extern"', en: 'A supplier' } },
                { id: 'formula', text: { en: '=1+1' } },
              ],
            },
          },
        ],
      },
      null,
      0,
    );
    const event = (reasonId: string): EventRecord => ({
      time: Date.UTC(2026, 10, 23, 9),
      appId: 'telegram',
      action: 'block',
      outcome: 'proceeded',
      reasonId,
    });
    const nl = describeChosenReason(effective.compiled, 'nl-NL');
    const lines = eventsToCsv([event('supplier'), event('formula'), event('gone')], nl).split(
      '\r\n',
    );
    expect(lines.slice(1, 4)).toEqual([
      '2026-11-23T09:00:00.000Z,telegram,block,proceeded,,supplier,"Leverancier, ""extern"""',
      "2026-11-23T09:00:00.000Z,telegram,block,proceeded,,formula,'=1+1",
      // The policy no longer lists it: the id is all the log has.
      '2026-11-23T09:00:00.000Z,telegram,block,proceeded,,gone,gone',
    ]);
    expect(describeChosenReason(effective.compiled, 'en')(event('supplier'))).toBe('A supplier');
    expect(describeChosenReason(undefined, 'en')(event('supplier'))).toBe('supplier');
    expect(nl({ appId: 'telegram' })).toBe('');
  });
});
