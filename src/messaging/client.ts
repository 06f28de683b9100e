/** Sends a contract message to the worker from an extension page. */
import { browser } from 'wxt/browser';
import type { MessageName, Reply, RequestOf } from './protocol';
import type { Responses } from './responses';

/** Sends `name` and returns the worker's result; throws with the worker's reason on refusal. */
export async function send<N extends MessageName>(
  name: N,
  request: RequestOf<N>,
): Promise<Responses[N]> {
  const reply: Reply<Responses[N]> | undefined = await browser.runtime.sendMessage({
    signpost: 1,
    name,
    request,
  });
  if (!reply) throw new Error(`no reply to "${name}"`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}
