/**
 * What every framework example shares: a client on the reference API answering in the page (no
 * server and no service worker needed), and a string override to pass as `i18n`.
 */
import { createReferenceApi, DEMO_VIEWERS } from 'rosterkit/mock';
import { createRosterClient } from 'rosterkit/sdk';

const api = createReferenceApi({ data: 'demo' });
export const client = createRosterClient({
  baseUrl: '/api/roster/v1',
  fetch: api.fetch,
  getToken: () => api.tokenFor(DEMO_VIEWERS.owner),
});
export const strings = { list: { newUser: 'Add a teammate' } };
