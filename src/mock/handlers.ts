/** msw 2 handlers that hand every request under the base path to the reference API. */
import { HttpResponse, http } from 'msw';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One catch-all handler for `<any origin><basePath>/…`. A dropped answer (the `drop` fault, a
 * `TypeError` like fetch's) becomes msw's network error, so the page sees a failed fetch.
 */
export function createHandlers(basePath: string, handle: (request: Request) => Promise<Response>) {
  const pattern = new RegExp(`^[a-z][a-z0-9+.-]*://[^/]+${escapeRegExp(basePath)}(?:/.*)?$`, 'i');
  return [
    http.all(pattern, async ({ request }) => {
      try {
        return await handle(request);
      } catch (error) {
        if (error instanceof TypeError) return HttpResponse.error();
        throw error;
      }
    }),
  ];
}
