/** The popup's and the status page's messages, with the real worker on in-memory ports. */
import { describe, expect, it } from 'vitest';
import { extensionPage, startWorker } from './worker';

const TAB = 7;
const blockTelegram = {
  rules: [
    { app: 'telegram', action: 'block' },
    { app: 'discord', action: 'block' },
  ],
  alternatives: [{ id: 'teams', url: 'https://teams.microsoft.com/' }],
};

describe('getTabState', () => {
  it('asks the content script, else looks for the block page, else says none', async () => {
    const { send, fake } = await startWorker(blockTelegram);
    const popup = extensionPage(undefined, '/popup.html');
    fake.pages.set(1, () => ({
      appId: 'whatsapp',
      action: 'warn',
      isAcknowledged: true,
      isProceeded: false,
    }));
    fake.pages.set(2, () => ({
      appId: 'teams',
      action: 'allow',
      isAcknowledged: false,
      isProceeded: false,
    }));
    fake.pages.set(3, () => ({ nonsense: true }));
    fake.extensionPages.set(
      4,
      `chrome-extension://iibcgklibnmbknlhgijglbbcalghaboe/blocked.html?app=telegram&url=x`,
    );
    expect(await send('getTabState', { tabId: 1 }, popup)).toEqual({
      state: 'warned',
      appId: 'whatsapp',
      isAcknowledged: true,
    });
    expect(await send('getTabState', { tabId: 2 }, popup)).toEqual({
      state: 'approved',
      appId: 'teams',
    });
    expect(await send('getTabState', { tabId: 3 }, popup)).toEqual({ state: 'none' });
    expect(await send('getTabState', { tabId: 4 }, popup)).toEqual({
      state: 'blocked',
      appId: 'telegram',
    });
    expect(await send('getTabState', { tabId: 5 }, popup)).toEqual({ state: 'none' });
  });
});

describe('getStatus and explainUrl', () => {
  it('give the status page the installation, the log, the rules and the health', async () => {
    const { send } = await startWorker(blockTelegram);
    await send('openBlockedPage', { url: 'https://web.telegram.org/' }, extensionPage(TAB));
    const status = await send('getStatus', {}, extensionPage(undefined, '/status.html'));
    expect(status.installation.installType).toBe('admin');
    expect(status.eventLog.events.map((e) => e.outcome)).toEqual(['blocked']);
    expect(status.networkRules).toMatchObject({ status: 'ok', errors: [] });
    expect(status.health.snapshot).toMatchObject({ ok: true });
    expect(
      await send(
        'explainUrl',
        { url: 'https://discord.com/channels/1' },
        extensionPage(undefined, '/status.html'),
      ),
    ).toEqual({ appId: 'discord', action: 'block', reason: 'rule' });
  });
});
