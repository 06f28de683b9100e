/**
 * Sends a contract message to the worker from an extension page, and checks the reply against
 * the contract before the page uses it (a worker of another version, or a bug, cannot hand a page
 * a half-valid object).
 */
import { browser } from 'wxt/browser';
import { deliver } from './delivery';
import { protocol, type MessageName, type ReplyOf, type RequestOf } from './protocol';

/** Sends `name` and returns the worker's result; throws with the worker's reason on refusal. */
export async function send<N extends MessageName>(
  name: N,
  request: RequestOf<N>,
): Promise<ReplyOf<N>> {
  // Retried while the worker restarts (delivery.ts); rejects only when it never answers.
  const reply = await deliver((message) => browser.runtime.sendMessage(message), name, request);
  const { ok, result, error } = reply as { ok?: unknown; result?: unknown; error?: unknown };
  if (ok !== true) throw new Error(typeof error === 'string' ? error : `"${name}" refused`);
  const parsed = protocol[name].reply.safeParse(result);
  if (!parsed.success) throw new Error(`malformed reply to "${name}"`);
  return parsed.data as ReplyOf<N>;
}
