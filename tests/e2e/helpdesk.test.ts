/**
 * The helpdesk status page and the privacy page (issue 4), in real Chromium with real policy files.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  reloadPolicies,
  waitForPolicy,
  waitForWarning,
  writeManagedPolicy,
  type Session,
} from './harness';
import { useBrowserSuite } from './suite';
import { clickInWarning } from './warning-view';

const { start } = useBrowserSuite();

async function openStatus(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.id}/status.html`);
  await page.waitForSelector('#diagnostics', { state: 'attached' });
  return page;
}

const POLICY = {
  organization: { name: 'Gemeente Voorbeeld' },
  rules: [
    { app: 'telegram', action: 'block', warnings: { allowProceed: true, requireReason: true } },
    { app: 'discord', action: 'blok' },
  ],
  customApps: [
    { id: 'acme-chat', name: 'Acme Chat', category: 'messaging', match: ['chat.acme.test'] },
  ],
  alternatives: [
    { id: 'teams', url: 'http://teams.microsoft.com/' },
    { id: 'element', url: 'https://app.element.io/' },
  ],
};

describe('the status page', () => {
  it('shows the managed source, each problem with its path, and the decisions with the good rules', async () => {
    const s = await start(POLICY);
    const page = await openStatus(s);
    expect(await page.textContent('#policy-source')).toBe('managed storage (your organisation)');
    const paths = await page
      .locator('table.issues tr[data-path]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.path));
    // Chrome hands the keys over in its own order.
    expect(paths.sort()).toEqual(['alternatives[0].url', 'rules[1].action']);
    expect(await page.textContent('tr[data-path="rules[1].action"]')).toContain(
      'must be one of: "allow", "warn", "block"',
    );
    expect(await page.textContent('tr[data-path="rules[1].action"]')).toContain('"blok"');
    expect(await page.getAttribute('table.decisions tr[data-app="telegram"]', 'data-action')).toBe(
      'block',
    );
    expect(await page.textContent('table.decisions tr[data-app="telegram"]')).toContain('rules[0]');
    expect(await page.getAttribute('table.decisions tr[data-app="discord"]', 'data-action')).toBe(
      'warn',
    );
    expect(await page.getAttribute('table.decisions tr[data-app="element"]', 'data-action')).toBe(
      'allow',
    );
    expect(await page.textContent('table.decisions tr[data-app="acme-chat"]')).toContain(
      'chat.acme.test',
    );
  });

  it('tests URLs: a catalogue app, a lookalike and a custom app', async () => {
    const s = await start(POLICY);
    const page = await openStatus(s);
    const test = async (url: string) => {
      await page.fill('#tester-url', url);
      await page.click('form.tester button');
      // The answer for this address, not the one still shown for the previous address.
      await page.waitForSelector(`#tester-result[data-url="${url}"]`);
      return {
        app: await page.getAttribute('#tester-result', 'data-app'),
        action: await page.getAttribute('#tester-result', 'data-action'),
      };
    };
    expect(await test('https://web.telegram.org/k/')).toEqual({ app: 'telegram', action: 'block' });
    expect(await test('https://web.telegram.org.evil.test/k/')).toEqual({
      app: '',
      action: 'allow',
    });
    expect(await page.textContent('#tester-result')).toBe(
      'No app: Signpost does nothing on this address.',
    );
    expect(await test('https://eu.chat.acme.test/room')).toEqual({
      app: 'acme-chat',
      action: 'warn',
    });
  });

  it('reads "built-in default" without a policy', async () => {
    const s = await start(null, { source: 'default' });
    const page = await openStatus(s);
    expect(await page.textContent('#policy-source')).toBe('built-in default');
  });

  it('shows last-known-good in force, and why, after the policy was replaced by an invalid one', async () => {
    const s = await start(POLICY);
    writeManagedPolicy({ schemaVersion: 3 });
    await reloadPolicies(s);
    await waitForPolicy(s, (x) => x.source === 'last-known-good');
    const page = await openStatus(s);
    expect(await page.textContent('#policy-source')).toBe('last-known-good copy');
    expect(await page.textContent('#fallback-reason')).toContain('cannot be used as a whole');
    expect(await page.getAttribute('tr[data-path="schemaVersion"]', 'data-severity')).toBe('error');
    expect(await page.getAttribute('table.decisions tr[data-app="telegram"]', 'data-action')).toBe(
      'block',
    );
  });

  it('lists events from acknowledging and proceeding, and the diagnostics hold no URLs beyond hosts', async () => {
    const s = await start(POLICY);
    const page = await s.context.newPage();
    await page.goto('https://web.whatsapp.com/chat/123?phone=0612345678');
    await waitForWarning(page);
    await clickInWarning(page, 'I understand');
    await page.goto('https://web.telegram.org/k/#@someone');
    await page.waitForSelector('textarea');
    await page.fill('textarea', 'Supplier only reachable here');
    await page.click('form button');
    await page.waitForURL('https://web.telegram.org/k/#@someone');

    const status = await openStatus(s);
    const outcomes = await status
      .locator('table.events tr[data-outcome]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.outcome));
    expect(outcomes).toEqual(expect.arrayContaining(['acknowledged', 'proceeded', 'warned']));
    expect(await status.textContent('table.events')).toContain('Supplier only reachable here');
    await status.selectOption('#event-filter', 'telegram');
    expect(await status.textContent('table.events')).not.toContain('whatsapp');

    const diagnostics = JSON.parse((await status.textContent('#diagnostics')) ?? '') as {
      policy: { source: string };
      eventLog: { counts: Record<string, Record<string, number>> };
    };
    expect(diagnostics.policy.source).toBe('managed');
    expect(diagnostics.eventLog.counts.telegram?.proceeded).toBe(1);
    const text = JSON.stringify(diagnostics);
    expect(text).not.toMatch(/https?:\/\/[^"]*\//);
    expect(text).not.toContain('0612345678');
    expect(text).not.toContain('Supplier only reachable here');
  });

  it('refuses the event log and diagnostics to a content script', async () => {
    const s = await start(POLICY);
    const page = await s.context.newPage();
    await page.goto('https://web.whatsapp.com/');
    await waitForWarning(page);
    const cdp = await s.context.newCDPSession(page);
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as never));
    await cdp.send('Runtime.enable');
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Signpost');
    const { result } = (await cdp.send('Runtime.evaluate', {
      contextId: isolated?.id,
      expression: "chrome.runtime.sendMessage({ signpost: 1, name: 'getStatus', request: {} })",
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: unknown } };
    expect(result.value).toEqual({
      ok: false,
      error: '"getStatus" is only served to extension pages',
    });
  });
});

describe('the privacy page', () => {
  it('explains each permission and what is sent where, from the policy in force', async () => {
    const s = await start({
      ...POLICY,
      eventLog: { retentionDays: 14 },
      reporting: { url: 'https://metrics.voorbeeld.example/v1/metrics', intervalMinutes: 120 },
    });
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.id}/privacy.html`);
    await page.waitForSelector('#permissions');
    const permissions = await page.locator('#permissions dt').allTextContents();
    expect(permissions).toEqual([
      'storage',
      'scripting',
      'declarativeNetRequestWithHostAccess',
      'alarms',
      'http, https, ws, wss: all sites',
    ]);
    for (const text of await page.locator('#permissions dd').allTextContents())
      expect(text).not.toMatch(/^permission_/);
    expect(await page.textContent('#stored')).toContain('Kept for 14 days.');
    expect(await page.textContent('#sent')).toContain('every 120 minutes');
    expect(await page.textContent('#sent')).toContain('metrics.voorbeeld.example');
  });
});
