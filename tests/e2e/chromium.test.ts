/**
 * The first slice in real Chromium: real managed policy files, the built extension, app hosts
 * served from localhost. Each test asserts what the employee sees or what the server received.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readWarning,
  reloadPolicies,
  settleContentScript,
  waitForPolicy,
  waitForWarning,
  writeManagedPolicy,
} from './harness';
import { useBrowserSuite } from './suite';

const { start, requestsTo } = useBrowserSuite();

describe('Signpost in Chromium', () => {
  it('warns on WhatsApp Web under the built-in default policy (no managed file)', async () => {
    const { context } = await start(null, { source: 'default' });
    const page = await context.newPage();
    await page.goto('https://web.whatsapp.com/');
    const warning = await waitForWarning(page);
    expect(warning).toMatchObject({ app: 'whatsapp', action: 'warn', parent: 'HTML' });
    expect(warning.text).toContain('WhatsApp Web is not approved for work');
    expect(warning.text).toContain('Ask your IT department');
    expect(warning.links).toEqual([]);
    // The page itself still loaded: a warning is not a block.
    expect(await page.textContent('h1')).toBe('Fake web.whatsapp.com');
  });

  it('shows the organisation, its message and the alternative link from a managed policy', async () => {
    const { context } = await start({
      organization: { name: 'Gemeente Voorbeeld' },
      rules: [
        { app: 'whatsapp', action: 'warn', message: { en: 'Use Teams for <b>work</b> chats.' } },
      ],
      alternatives: [{ id: 'teams', url: 'https://teams.microsoft.com/l/app' }],
    });
    const page = await context.newPage();
    await page.goto('https://web.whatsapp.com./');
    const warning = await waitForWarning(page);
    expect(warning.text).toContain('Gemeente Voorbeeld has not approved WhatsApp Web for work');
    expect(warning.text).toContain('Use Teams for <b>work</b> chats.');
    expect(warning.links).toEqual([
      { href: 'https://teams.microsoft.com/l/app', text: 'Use Microsoft Teams' },
    ]);
  });

  it('blocks Telegram before any request reaches its host', async () => {
    const { context, id } = await start({
      organization: { name: 'Acme' },
      rules: [{ app: 'telegram', action: 'block' }],
    });
    const page = await context.newPage();
    for (const url of [
      'https://web.telegram.org/k/#@durov',
      'https://WEB.telegram.org./a/?x=1&y=2',
      'https://webk.telegram.org/',
    ]) {
      await page.goto(url);
      await page.waitForSelector('h1');
      // What the browser requested: host lower-cased by the URL parser, trailing dot kept.
      const requested = new URL(url).href;
      expect(page.url()).toBe(
        `chrome-extension://${id}/blocked.html?app=telegram&url=${encodeURIComponent(requested)}`,
      );
      expect(await page.textContent('h1')).toBe('Acme has blocked Telegram Web');
      expect(await page.textContent('code')).toBe(requested);
    }
    expect(requestsTo('web.telegram.org')).toEqual([]);
    expect(requestsTo('webk.telegram.org')).toEqual([]);
  });

  it('applies the good rules when one rule is bad, and reports the bad one', async () => {
    const s = await start({
      rules: [
        { app: 'telegram', action: 'block' },
        { app: 'discord', action: 'blok' },
        { app: 'whatsapp', action: 'allow' },
      ],
    });
    const snapshot = await waitForPolicy(s, (x) => x.source === 'managed');
    expect(snapshot.issues).toEqual([
      expect.objectContaining({
        path: 'rules[1].action',
        code: 'invalid-value',
        severity: 'error',
      }),
    ]);
    const page = await s.context.newPage();
    await page.goto('https://web.telegram.org/');
    await page.waitForSelector('h1');
    expect(page.url()).toContain('/blocked.html?app=telegram');
    await page.goto('https://web.whatsapp.com/');
    expect(await settleContentScript(page)).toEqual({ hasScript: true });
    expect(await readWarning(page)).toBeNull();
    // The bad rule is dropped, not guessed at: discord falls back to defaultAction (warn).
    await page.goto('https://discord.com/channels/@me');
    expect(await waitForWarning(page)).toMatchObject({ app: 'discord' });
  });

  it('shows no banner on an approved app', async () => {
    const { context } = await start({
      alternatives: [{ id: 'teams', url: 'https://teams.microsoft.com/' }],
    });
    const page = await context.newPage();
    await page.goto('https://teams.microsoft.com/v2/');
    expect(await settleContentScript(page)).toEqual({ hasScript: true });
    expect(await readWarning(page)).toBeNull();
    expect(await page.locator('signpost-warning').count()).toBe(0);
  });

  it('warns on a custom app from customApps (content script registered at runtime)', async () => {
    const { context } = await start({
      customApps: [
        { id: 'acme-chat', name: 'Acme Chat', category: 'messaging', match: ['chat.acme.test'] },
      ],
    });
    const page = await context.newPage();
    await page.goto('https://eu.chat.acme.test/room/1');
    expect(await waitForWarning(page)).toMatchObject({ app: 'acme-chat', action: 'warn' });
    expect((await readWarning(page))?.text).toContain('Acme Chat is not approved for work');
  });

  it('runs no script and adds no element on a page outside the app hosts', async () => {
    const { context } = await start({
      defaultAction: 'block',
      customApps: [{ id: 'c', name: 'C', match: ['chat.acme.test'] }],
    });
    const page = await context.newPage();
    for (const url of [
      'https://example.test/',
      'https://web.whatsapp.com.evil.test/',
      'https://evil.test/web.whatsapp.com',
      'https://www.facebook.com.evil.test/messages',
    ]) {
      await page.goto(url);
      expect(await settleContentScript(page)).toEqual({ hasScript: false });
      expect(await page.locator('signpost-warning').count()).toBe(0);
      expect(page.url()).toBe(url);
    }
  });

  it('applies a live policy change without restarting the browser', async () => {
    const s = await start({ rules: [{ app: 'whatsapp', action: 'allow' }] });
    const before = await waitForPolicy(s, (x) => x.source === 'managed');
    const page = await s.context.newPage();
    await page.goto('https://web.whatsapp.com/');
    expect(await settleContentScript(page)).toEqual({ hasScript: true });
    expect(await readWarning(page)).toBeNull();

    writeManagedPolicy({
      organization: { name: 'Acme' },
      rules: [
        { app: 'whatsapp', action: 'warn' },
        { app: 'telegram', action: 'block' },
      ],
    });
    await reloadPolicies(s);
    await waitForPolicy(s, (x) => x.source === 'managed' && x.hash !== before.hash);
    // The open tab follows the change without a reload.
    expect((await waitForWarning(page)).text).toContain('Acme has not approved WhatsApp Web');
    await page.goto('https://web.telegram.org/');
    await page.waitForSelector('h1');
    expect(page.url()).toContain('/blocked.html?app=telegram');
    expect(requestsTo('web.telegram.org')).toEqual([]);
  });

  it('keeps the last-known-good policy when the managed one becomes unusable, also after a restart', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'signpost-profile-'));
    const first = await start(
      { organization: { name: 'Acme' }, rules: [{ app: 'telegram', action: 'block' }] },
      { profile },
    );
    const good = await waitForPolicy(first, (x) => x.source === 'managed');

    writeManagedPolicy({ schemaVersion: 2, defaultAction: 'allow' });
    await reloadPolicies(first);
    const kept = await waitForPolicy(first, (x) => x.source === 'last-known-good');
    expect(kept).toMatchObject({ hash: good.hash, fallbackReason: 'managed-policy-unusable' });
    expect(kept.issues).toEqual([
      expect.objectContaining({ path: 'schemaVersion', code: 'unsupported-version' }),
    ]);
    await first.close();

    // A new browser session on the same profile: last-known-good comes back from IndexedDB.
    const second = await start(
      { schemaVersion: 2, defaultAction: 'allow' },
      { profile, source: 'last-known-good' },
    );
    expect((await waitForPolicy(second, () => true)).hash).toBe(good.hash);
    const page = await second.context.newPage();
    await page.goto('https://web.telegram.org/');
    await page.waitForSelector('h1');
    expect(page.url()).toContain('/blocked.html?app=telegram');
    expect(await page.textContent('h1')).toBe('Acme has blocked Telegram Web');
    expect(requestsTo('web.telegram.org')).toEqual([]);
    await second.close();
    rmSync(profile, { recursive: true, force: true });
  });
});
