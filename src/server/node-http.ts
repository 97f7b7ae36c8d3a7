/**
 * Mounts a fetch-style handler in Node's own `http` server: the request streams in (so the body
 * limit holds while reading), the response streams out.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

export type FetchHandler = (request: Request) => Promise<Response>;

/** The Web `Request` of a Node request; `origin` stands in for the Host header when given. */
export function toRequest(incoming: IncomingMessage, origin?: string): Request {
  const url = new URL(incoming.url ?? '/', origin ?? `http://${incoming.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  const controller = new AbortController();
  incoming.once('close', () => {
    if (!incoming.complete) controller.abort();
  });
  return new Request(url, {
    method: incoming.method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    signal: controller.signal,
    duplex: 'half',
  } as RequestInit);
}

/** Writes a Web `Response` to a Node response, streaming its body. */
export async function sendResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.statusCode = response.status;
  for (const [name, value] of response.headers) outgoing.appendHeader(name, value);
  if (!response.body) {
    outgoing.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) outgoing.write(chunk);
  outgoing.end();
}

/** A `(req, res)` listener for `http.createServer` that answers with `handler`. */
export function toNodeListener(handler: FetchHandler, options: { origin?: string } = {}) {
  return (incoming: IncomingMessage, outgoing: ServerResponse) => {
    handler(toRequest(incoming, options.origin))
      .then((response) => sendResponse(response, outgoing))
      .catch(() => {
        if (!outgoing.headersSent) {
          outgoing.statusCode = 500;
          outgoing.setHeader('content-type', 'application/problem+json');
          outgoing.end(
            JSON.stringify({
              type: 'urn:roster:problem:server_error',
              title: 'Internal error',
              status: 500,
              code: 'server_error',
            }),
          );
        } else outgoing.destroy();
      });
  };
}
