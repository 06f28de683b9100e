/**
 * The content script's side of the message contract (protocol.ts), without zod: sends to the
 * worker and checks by hand the few reply fields it reads; answers the worker's messages
 * (`toContent`) and nothing else.
 */
import type {
  ContentMessageName,
  ContentReplyOf,
  MessageName,
  RequestOf,
} from '../messaging/protocol';
import { deliver } from '../messaging/delivery';
import type { NativeApi } from './native-api';

/** The result of a message, or null when the worker refused or never answered (retried: delivery.ts). */
export async function sendToWorker<N extends MessageName>(
  api: NativeApi,
  name: N,
  request: RequestOf<N>,
): Promise<Record<string, unknown> | null> {
  try {
    const reply = (await deliver((m) => api.runtime.sendMessage(m), name, request)) as {
      ok?: unknown;
      result?: unknown;
    };
    return reply.ok === true && typeof reply.result === 'object' && reply.result !== null
      ? (reply.result as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Answers the worker's messages to this page; anything else (or from anyone else) is ignored. */
export function answerWorker(
  api: NativeApi,
  handlers: { [N in ContentMessageName]: () => ContentReplyOf<N> },
): void {
  api.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== api.runtime.id || typeof message !== 'object' || message === null)
      return undefined;
    const { signpost, name } = message as { signpost?: unknown; name?: unknown };
    if (signpost !== 1 || typeof name !== 'string' || !Object.hasOwn(handlers, name))
      return undefined;
    return Promise.resolve(handlers[name as ContentMessageName]());
  });
}
