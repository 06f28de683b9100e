/**
 * Delivers one contract message to the worker, again and again until it answers. The browser
 * stops an idle service worker whenever it likes, also while it handles a message: the sender then
 * sees "the message port closed" (or "receiving end does not exist" while it starts), and the next
 * message starts it again. Every attempt carries the same delivery id, so the worker logs an event
 * once however many attempts reach it (see `appendEvent`). No zod: the content script uses it.
 */
import type { MessageName, RequestOf } from './protocol';

/** Waits before each further attempt: about 8 s in all, longer than a worker takes to start. */
export const RETRY_DELAYS_MS: readonly number[] = [50, 200, 500, 1000, 2000, 4000];

/** 128 random bits as hex (crypto.randomUUID needs a secure context; a content script may not be in one). */
export function newDeliveryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Sends `name` with `request` and resolves to the worker's reply envelope (an object: the result
 * or a refusal, which is not retried). Rejects with the last transport error when no attempt got
 * an answer.
 */
export async function deliver<N extends MessageName>(
  sendMessage: (message: unknown) => Promise<unknown>,
  name: N,
  request: RequestOf<N>,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<object> {
  const message = { signpost: 1, name, request, delivery: newDeliveryId() };
  let failure: unknown = new Error(`no reply to "${name}"`);
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (attempt > 0) await pause(delays[attempt - 1] ?? 0);
    try {
      const reply = await sendMessage(message);
      if (typeof reply === 'object' && reply !== null) return reply;
      failure = new Error(`no reply to "${name}"`);
    } catch (error) {
      failure = error;
    }
  }
  throw failure instanceof Error ? failure : new Error(String(failure));
}
