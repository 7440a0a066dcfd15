/**
 * Sending typed requests to the background. The transport is passed in, so tests
 * need no module mocking; in the extension it is browser.runtime.sendMessage.
 */
import type { RequestType, RequestPayload, Responses } from './protocol.ts';

export type Transport = (message: unknown) => Promise<unknown>;

export class ContextGoneError extends Error {}

export function createClient(transport: Transport) {
  return async function send<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Responses[T]> {
    try {
      const res = (await transport({ type, payload })) as Responses[T] | undefined;
      if (res === undefined) throw new Error(`no answer to ${type}`);
      return res;
    } catch (e) {
      const msg = (e as Error)?.message ?? String(e);
      // The extension was reloaded or updated under this page.
      if (/context invalidated|Extension context|Receiving end does not exist|disconnected/i.test(msg))
        throw new ContextGoneError(msg);
      throw e;
    }
  };
}

export type Send = ReturnType<typeof createClient>;
