/**
 * Reads a request body with a size limit (Contract v1.1: over 1 MiB answers `413
 * payload_too_large`). A `content-length` above the limit is refused before reading anything;
 * otherwise the stream is counted as it arrives and cancelled as soon as it passes the limit, so
 * a sender that lies about its length or streams without one never gets more than the limit
 * (plus one chunk) into memory.
 */

export const MAX_BODY_BYTES = 1024 * 1024;

/** The body is over the limit; routes answer it with `413 payload_too_large`. */
export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError' as const;
  readonly status = 413;
  readonly code = 'payload_too_large';

  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/** The body as UTF-8 text (as `Request.text()` decodes it), or a `PayloadTooLargeError`. */
export async function readBodyLimited(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  // Firefox has no `Request.body`: there (the reference API in a page) the body is read whole.
  if (!('body' in request)) return readWhole(request, maxBytes);
  const body = request.body;
  if (!body) return '';
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    // Cancelling tells the sender's side to stop; the refusal does not wait for it.
    body.cancel().catch(() => {});
    throw new PayloadTooLargeError(maxBytes);
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function readWhole(request: Request, maxBytes: number): Promise<string> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new PayloadTooLargeError(maxBytes);
  return new TextDecoder().decode(bytes);
}
