/**
 * Every message handler of the worker, with the real router, services and engine on in-memory
 * ports: what it answers, what it stores, what it logs, and every refusal.
 */
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_KEY } from '../../src/messaging/snapshot';
import { EXPIRY_ALARM } from '../../src/background/tab-allowances';
import { contentScript, extensionPage, startWorker } from './worker';

const TAB = 7;
const blockTelegram = {
  organization: { name: 'Acme' },
  rules: [
    {
      app: 'telegram',
      action: 'block',
      warnings: {
        allowProceed: true,
        requireReason: true,
        proceedForMinutes: 30,
        reasons: [{ id: 'supplier', text: { en: 'A supplier' } }],
      },
    },
    { app: 'discord', action: 'block' },
  ],
  alternatives: [{ id: 'teams', url: 'https://teams.microsoft.com/' }],
};

describe('ensurePolicy', () => {
  it('applies the managed policy: compact snapshot, network rules, scripts, health', async () => {
    const { send, fake } = await startWorker(blockTelegram);
    const { appliedAt } = await send('ensurePolicy', {}, contentScript(TAB));
    expect(appliedAt).toBe(fake.ports.now());
    const stored = fake.local.items.get(SNAPSHOT_KEY) as { compiled: { formatVersion: number } };
    expect(stored.compiled.formatVersion).toBe(2);
    expect(
      fake.dynamic.rules.some((r) => r.condition.requestDomains?.includes('web.telegram.org')),
    ).toBe(true);
    expect(fake.scripts.get('signpost-early')).toContain('*://*.web.whatsapp.com/*');
    expect(fake.local.items.get('health')).toMatchObject({
      snapshot: { ok: true },
      'last-known-good': { ok: true },
      'event-log': { ok: true },
    });
  });
});

describe('acknowledgeWarning', () => {
  it('hides a warned app for acknowledgeForDays, logs it and drops its early script', async () => {
    const { send, fake } = await startWorker({ warnings: { acknowledgeForDays: 3 } });
    const { until } = await send('acknowledgeWarning', { appId: 'whatsapp' }, contentScript(TAB));
    expect(until).toBe(fake.ports.now() + 3 * 86_400_000);
    expect(fake.local.items.get('acknowledged')).toEqual({ whatsapp: until });
    expect(fake.events.map((e) => [e.appId, e.outcome])).toEqual([['whatsapp', 'acknowledged']]);
    expect(fake.scripts.get('signpost-early')).not.toContain('*://*.web.whatsapp.com/*');
  });

  it('refuses an app that is not warned about', async () => {
    const { send } = await startWorker(blockTelegram);
    await expect(
      send('acknowledgeWarning', { appId: 'telegram' }, contentScript(TAB)),
    ).rejects.toThrow('this app is not warned about');
  });
});

describe('recordAlternativeUse', () => {
  it('logs that the employee took the approved app', async () => {
    const { send, fake } = await startWorker(blockTelegram);
    expect(await send('recordAlternativeUse', { appId: 'whatsapp' }, contentScript(TAB))).toEqual({
      recorded: true,
    });
    expect(fake.events[0]).toMatchObject({
      appId: 'whatsapp',
      action: 'warn',
      outcome: 'used-alternative',
    });
  });

  it('keeps nothing when the policy keeps no log', async () => {
    const { send, fake } = await startWorker({ eventLog: { retentionDays: 0 } });
    expect(await send('recordAlternativeUse', { appId: 'whatsapp' }, contentScript(TAB))).toEqual({
      recorded: false,
    });
    expect(fake.events).toEqual([]);
  });
});

describe('reportPageState', () => {
  it('shows the badge and logs a warning once, not an acknowledged one', async () => {
    const { send, fake } = await startWorker({});
    const page = { appId: 'whatsapp', action: 'warn' as const };
    await send('reportPageState', { ...page, isAcknowledged: false }, contentScript(TAB));
    expect(fake.badges.get(TAB)).toEqual({
      state: 'warned',
      appId: 'whatsapp',
      isAcknowledged: false,
    });
    await send('reportPageState', { ...page, isAcknowledged: true }, contentScript(TAB));
    expect(fake.events.map((e) => e.outcome)).toEqual(['warned']);
  });

  it('never logs a block a page reports (only openBlockedPage does, after checking)', async () => {
    const { send, fake } = await startWorker(blockTelegram);
    await send(
      'reportPageState',
      { appId: 'telegram', action: 'block', isAcknowledged: false },
      contentScript(TAB, 'https://web.telegram.org/'),
    );
    expect(fake.badges.get(TAB)).toEqual({ state: 'blocked', appId: 'telegram' });
    expect(fake.events).toEqual([]);
  });

  it('logs and counts one warning for a message retried across a worker restart', async () => {
    const { route, fake } = await startWorker({});
    const request = { appId: 'whatsapp', action: 'warn', isAcknowledged: false };
    const delivery = 'f'.repeat(32);
    for (let attempt = 0; attempt < 3; attempt++)
      expect(await route('reportPageState', request, contentScript(TAB), delivery)).toMatchObject({
        ok: true,
      });
    await route('reportPageState', request, contentScript(TAB), 'e'.repeat(32));
    expect(fake.events.map((e) => e.outcome)).toEqual(['warned', 'warned']);
  });

  it("refuses a frame that is not the tab's top frame", async () => {
    const { route } = await startWorker({});
    const reply = await route(
      'reportPageState',
      { appId: 'whatsapp', action: 'warn', isAcknowledged: false },
      { ...contentScript(TAB), frameId: 3 },
    );
    expect(reply).toEqual({ ok: false, error: "only a tab's top frame can send this" });
  });
});

describe('checkBlock', () => {
  it('says blocked and remembers that the page was requested; not blocked for other pages', async () => {
    const { send, allowances } = await startWorker(blockTelegram);
    const url = 'https://web.telegram.org/k/';
    expect(await send('checkBlock', { url }, contentScript(TAB, url))).toEqual({ isBlocked: true });
    expect(await allowances.wasRequested(TAB, url)).toBe(true);
    expect(
      await send('checkBlock', { url: 'https://web.whatsapp.com/' }, contentScript(TAB)),
    ).toEqual({ isBlocked: false });
  });
});

describe('openBlockedPage', () => {
  it('logs a block the engine confirms, sets the badge and says nothing was sent', async () => {
    const { send, fake } = await startWorker(blockTelegram);
    const reply = await send(
      'openBlockedPage',
      { url: 'https://web.telegram.org/k/' },
      extensionPage(TAB),
    );
    expect(reply).toEqual({ verdict: 'blocked', appId: 'telegram', wasRequested: false });
    expect(fake.events.map((e) => [e.appId, e.outcome])).toEqual([['telegram', 'blocked']]);
    expect(fake.badges.get(TAB)).toEqual({ state: 'blocked', appId: 'telegram' });
  });

  it('releases an address one of its own rules sent there that is not blocked', async () => {
    const { send, fake } = await startWorker(blockTelegram);
    // The rule for percent-escaped paths on discord.com caught a page that is not Discord's app.
    const url = 'https://discord.com/%6Fther';
    expect(await send('openBlockedPage', { url }, extensionPage(TAB))).toEqual({
      verdict: 'open',
      url,
    });
    expect(fake.sessionRules.rules).toEqual([
      expect.objectContaining({
        action: { type: 'allow' },
        condition: expect.objectContaining({ urlFilter: `|${url}|`, tabIds: [TAB] }),
      }),
    ]);
    expect(fake.events).toEqual([]);
  });

  it.each([
    ['an address no rule sends there', 'https://slack.com/'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['an extension page', `chrome-extension://iibcgklibnmbknlhgijglbbcalghaboe/status.html`],
  ])('opens nothing and logs nothing for %s', async (_, url) => {
    const { send, fake } = await startWorker(blockTelegram);
    expect(await send('openBlockedPage', { url }, extensionPage(TAB))).toEqual({
      verdict: 'not-blocked',
    });
    expect(fake.events).toEqual([]);
    expect(fake.sessionRules.rules).toEqual([]);
  });

  it('is refused to a content script', async () => {
    const { route } = await startWorker(blockTelegram);
    expect(
      (await route('openBlockedPage', { url: 'https://web.telegram.org/' }, contentScript(TAB))).ok,
    ).toBe(false);
  });
});

describe('proceedToApp', () => {
  const url = 'https://web.telegram.org/k/#@chat';

  it('lets the app through in that tab for proceedForMinutes, logs the choice, then ends', async () => {
    const { send, fake, allowances } = await startWorker(blockTelegram);
    const reply = await send(
      'proceedToApp',
      { appId: 'telegram', url, reasonId: 'supplier' },
      extensionPage(TAB),
    );
    expect(reply).toEqual({ url, until: fake.ports.now() + 30 * 60_000 });
    expect(fake.sessionRules.rules.length).toBeGreaterThan(0);
    for (const rule of fake.sessionRules.rules) expect(rule.condition.tabIds).toEqual([TAB]);
    expect(fake.events.at(-1)).toMatchObject({ outcome: 'proceeded', reasonId: 'supplier' });
    expect(fake.alarms.get(EXPIRY_ALARM)).toBe(reply.until);
    expect(await send('checkBlock', { url }, contentScript(TAB, url))).toEqual({
      isBlocked: false,
    });

    fake.advance(30 * 60_000);
    expect(await allowances.expire()).toEqual([TAB]);
    expect(fake.sessionRules.rules).toEqual([]);
    expect(fake.alarms.has(EXPIRY_ALARM)).toBe(false);
    expect(await send('checkBlock', { url }, contentScript(TAB, url))).toEqual({ isBlocked: true });
  });

  it.each([
    ['another app', { appId: 'discord', url, reasonId: 'supplier' }, 'does not belong'],
    [
      'an app that is not blocked',
      { appId: 'whatsapp', url: 'https://web.whatsapp.com/' },
      'does not belong',
    ],
    [
      'an app without continue anyway',
      { appId: 'discord', url: 'https://discord.com/app' },
      'does not allow',
    ],
    ['no reason', { appId: 'telegram', url }, 'reason'],
    [
      'a reason the app does not offer',
      { appId: 'telegram', url, reasonId: 'other-app' },
      'reason',
    ],
  ])('refuses %s', async (_, request, message) => {
    const { send, fake } = await startWorker(blockTelegram);
    await expect(send('proceedToApp', request, extensionPage(TAB))).rejects.toThrow(message);
    expect(fake.sessionRules.rules).toEqual([]);
    expect(fake.events).toEqual([]);
  });

  it('is refused to a framed block page', async () => {
    const { route } = await startWorker(blockTelegram);
    const reply = await route(
      'proceedToApp',
      { appId: 'telegram', url, reasonId: 'supplier' },
      { ...extensionPage(TAB), frameId: 2 },
    );
    expect(reply).toEqual({ ok: false, error: "only a tab's top frame can send this" });
  });
});
