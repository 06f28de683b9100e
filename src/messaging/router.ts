/**
 * Serves the message contract in the worker: rejects unknown names and malformed requests, and
 * serves `extension-page` messages only to the extension's own pages (checked by sender URL).
 */
import type { z } from 'zod';
import { EnvelopeSchema, protocol, type MessageName, type Reply } from './protocol';

/** Who sent a message, as the browser reports it. */
export type Sender = {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
};

/** Which message this is: the same id on every attempt at it (messaging/delivery.ts). */
export type Delivery = { id: string | undefined };

/** The worker's answer to each message: gets the parsed request, returns the reply's input. */
export type Handlers = {
  [N in MessageName]: (
    request: z.output<(typeof protocol)[N]['request']>,
    sender: Sender,
    delivery: Delivery,
  ) => Promise<z.input<(typeof protocol)[N]['reply']>>;
};

/** Whether the sender is one of the extension's own pages (not a content script, not a web page). */
export function isExtensionPage(sender: Sender, extensionOrigin: string): boolean {
  // Compared as strings: URL.origin is "null" for extension schemes in some engines.
  const url = sender.url ?? '';
  const isOwnUrl =
    url.startsWith(`${extensionOrigin}/`) && !url.slice(extensionOrigin.length).startsWith('//');
  return isOwnUrl && (sender.origin === undefined || sender.origin === extensionOrigin);
}

/** Handles one incoming message; always resolves to a Reply. */
export async function routeMessage(
  message: unknown,
  sender: Sender,
  context: { extensionId: string; extensionOrigin: string; handlers: Handlers },
): Promise<Reply<unknown>> {
  if (sender.id !== context.extensionId) return { ok: false, error: 'unknown sender' };
  const envelope = EnvelopeSchema.safeParse(message);
  if (!envelope.success) return { ok: false, error: 'malformed message' };
  const { name } = envelope.data;
  if (!Object.hasOwn(protocol, name)) return { ok: false, error: `unknown message "${name}"` };
  const entry = protocol[name as MessageName];
  if (entry.from === 'extension-page' && !isExtensionPage(sender, context.extensionOrigin)) {
    return { ok: false, error: `"${name}" is only served to extension pages` };
  }
  const request = entry.request.safeParse(envelope.data.request);
  if (!request.success) return { ok: false, error: `malformed "${name}" request` };
  const handler = context.handlers[name as MessageName] as (
    r: unknown,
    s: Sender,
    d: Delivery,
  ) => Promise<unknown>;
  try {
    return {
      ok: true,
      result: await handler(request.data, sender, { id: envelope.data.delivery }),
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
