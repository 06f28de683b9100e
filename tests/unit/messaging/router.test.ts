import { describe, expect, it, vi } from 'vitest';
import { isExtensionPage, routeMessage, type Handlers } from '../../../src/messaging/router';

const ID = 'iibcgklibnmbknlhgijglbbcalghaboe';
const ORIGIN = `chrome-extension://${ID}`;
const handlers = {
  checkBlock: vi.fn(() => Promise.resolve({ isBlocked: false })),
  explainUrl: vi.fn(() => Promise.resolve({ appId: null, action: 'allow', reason: 'no-match' })),
} as unknown as Handlers;
const route = (message: unknown, sender: object) =>
  routeMessage(message, sender, { extensionId: ID, extensionOrigin: ORIGIN, handlers });

const contentScript = {
  id: ID,
  url: 'https://web.whatsapp.com/',
  origin: 'https://web.whatsapp.com',
  tab: { id: 1 },
};
const extensionPage = { id: ID, url: `${ORIGIN}/status.html`, origin: ORIGIN };

describe('routeMessage', () => {
  it('answers a well-formed request from a content script', async () => {
    const reply = await route(
      { signpost: 1, name: 'checkBlock', request: { url: 'https://web.whatsapp.com/' } },
      contentScript,
    );
    expect(reply).toMatchObject({ ok: true });
    expect(handlers.checkBlock).toHaveBeenCalledWith(
      { url: 'https://web.whatsapp.com/' },
      contentScript,
      { id: undefined },
    );
  });

  it('hands the handler the delivery id, the same on every attempt', async () => {
    const delivery = '0123456789abcdef0123456789abcdef';
    const message = { signpost: 1, name: 'checkBlock', request: { url: 'https://x/' }, delivery };
    await route(message, contentScript);
    expect(handlers.checkBlock).toHaveBeenLastCalledWith({ url: 'https://x/' }, contentScript, {
      id: delivery,
    });
  });

  it.each([
    ['no envelope', 'checkBlock'],
    ['wrong envelope version', { signpost: 2, name: 'checkBlock', request: { url: 'https://x/' } }],
    [
      'extra envelope keys',
      { signpost: 1, name: 'checkBlock', request: { url: 'https://x/' }, admin: true },
    ],
    ['unknown name', { signpost: 1, name: 'deleteEverything', request: {} }],
    [
      'a malformed delivery id',
      { signpost: 1, name: 'checkBlock', request: { url: 'https://x/' }, delivery: '<x>' },
    ],
    ['prototype name', { signpost: 1, name: 'constructor', request: {} }],
    ['malformed request', { signpost: 1, name: 'checkBlock', request: { url: 42 } }],
    [
      'unknown request keys',
      { signpost: 1, name: 'checkBlock', request: { url: 'https://x/', eval: '1' } },
    ],
  ])('refuses %s', async (_, message) => {
    const reply = await route(message, contentScript);
    expect(reply.ok).toBe(false);
  });

  it('refuses messages from other extensions', async () => {
    const reply = await route(
      { signpost: 1, name: 'checkBlock', request: { url: 'https://x/' } },
      { ...contentScript, id: 'abcdefghijklmnopabcdefghijklmnop' },
    );
    expect(reply).toEqual({ ok: false, error: 'unknown sender' });
  });

  it('serves extension-page messages to extension pages only', async () => {
    const message = { signpost: 1, name: 'explainUrl', request: { url: 'https://x/' } };
    expect(await route(message, contentScript)).toEqual({
      ok: false,
      error: '"explainUrl" is only served to extension pages',
    });
    expect(await route(message, extensionPage)).toMatchObject({ ok: true });
  });

  it('turns a handler failure into a refusal, not a crash', async () => {
    vi.mocked(handlers.checkBlock).mockRejectedValueOnce(new Error('storage unavailable'));
    const message = { signpost: 1, name: 'checkBlock', request: { url: 'https://x/' } };
    expect(await route(message, contentScript)).toEqual({
      ok: false,
      error: 'storage unavailable',
    });
  });
});

describe('isExtensionPage', () => {
  it.each([
    [{ url: `${ORIGIN}/status.html`, origin: ORIGIN }, true],
    [{ url: `${ORIGIN}/status.html` }, true],
    [{ url: 'https://evil.test/', origin: 'https://evil.test' }, false],
    [{ url: `https://evil.test/${ORIGIN}/`, origin: 'https://evil.test' }, false],
    [{ url: 'not a url' }, false],
    [{}, false],
  ])('%j → %s', (sender, expected) => {
    expect(isExtensionPage(sender, ORIGIN)).toBe(expected);
  });
});
