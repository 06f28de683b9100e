/** The real worker (router, handlers, services) on in-memory ports, and senders as the browser reports them. */
import { createHandlers } from '../../src/background/handlers';
import { createPolicyService } from '../../src/background/policy-service';
import { createReporting } from '../../src/background/reporting';
import { createTabAllowances } from '../../src/background/tab-allowances';
import type { MessageName, ReplyOf, RequestOf } from '../../src/messaging/protocol';
import { routeMessage, type Sender } from '../../src/messaging/router';
import { createFakePorts, EXTENSION } from './fake-ports';

const ID = 'iibcgklibnmbknlhgijglbbcalghaboe';

/** A content script in the top frame of `tabId` on `url`. */
export const contentScript = (tabId: number, url = 'https://web.whatsapp.com/'): Sender => ({
  id: ID,
  url,
  origin: new URL(url).origin,
  tab: { id: tabId },
  frameId: 0,
});

/** An extension page (block page, status page) in `tabId`. */
export const extensionPage = (tabId: number | undefined, path = '/blocked.html'): Sender => ({
  id: ID,
  url: `${EXTENSION}${path}`,
  origin: EXTENSION,
  ...(tabId === undefined ? {} : { tab: { id: tabId } }),
  frameId: 0,
});

/** Starts the worker with `managed` as the admin's policy. */
export async function startWorker(managed: Record<string, unknown> = {}) {
  const fake = createFakePorts();
  fake.setManaged(managed);
  const policy = createPolicyService(fake.ports);
  const allowances = createTabAllowances(fake.ports);
  const reporting = createReporting(fake.ports, policy);
  const handlers = createHandlers(fake.ports, { policy, allowances, reporting });
  await policy.apply();
  /** Sends a message (with a delivery id: one attempt of it) through the real router; resolves to the reply envelope. */
  const route = (name: string, request: unknown, sender: Sender, delivery?: string) =>
    routeMessage({ signpost: 1, name, request, ...(delivery ? { delivery } : {}) }, sender, {
      extensionId: ID,
      extensionOrigin: EXTENSION,
      handlers,
    });
  /** Sends and returns the result, throwing the worker's reason on a refusal. */
  const send = async <N extends MessageName>(
    name: N,
    request: RequestOf<N>,
    sender: Sender,
  ): Promise<ReplyOf<N>> => {
    const reply = await route(name, request, sender);
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as ReplyOf<N>;
  };
  return { fake, policy, allowances, reporting, handlers, route, send };
}
