import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { createReferenceApi } from '../../src/mock/index.js';
import {
  NetworkError,
  UnauthorizedError,
  VersionConflictError,
  createRosterClient,
  type RosterChange,
} from '../../src/sdk/index.js';

const OWNER = 'olivia.owner@acme.de';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('SDK through msw in the browser', () => {
  const api = createReferenceApi();
  const worker = setupWorker(...api.handlers);

  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  });

  afterEach(() => worker.resetHandlers());

  after(() => worker.stop());

  it('should read, create and update users with the real fetch', async () => {
    const client = createRosterClient({ baseUrl: '/api/roster/v1', getToken: () => api.tokenFor(OWNER), retry: 0 });
    const changes: RosterChange[] = [];
    client.onChange((change) => changes.push(change));
    expect((await client.me()).user.email).to.equal(OWNER);

    const created = await client.users.create({
      firstName: '  李  ',
      lastName: 'Nguyễn',
      email: 'li.nguyen@acme.de',
      role: 'specialist',
    });
    expect(created.status).to.equal('pending');
    expect(created.firstName).to.equal('李');

    const found = await client.users.list({ q: 'nguy' });
    expect(found.items.map((user) => user.id)).to.deep.equal([created.id]);

    const updated = await client.users.update(created.id, { creditLimit: 50 }, { version: created.version });
    expect(updated.creditLimit).to.equal(50);
    const stale = await rejection(client.users.update(created.id, { creditLimit: 60 }, { version: created.version }));
    expect(stale).to.be.instanceOf(VersionConflictError);
    expect(changes.map((change) => change.type)).to.deep.equal(['user-created', 'user-updated']);
  });

  it('should get 401 without a token', async () => {
    const client = createRosterClient({ baseUrl: '/api/roster/v1', retry: 0 });
    const error = await rejection(client.me());
    expect(error).to.be.instanceOf(UnauthorizedError);
  });

  it('should retry a create whose answers are dropped, under one key, creating the user once', async () => {
    const faulty = createReferenceApi({ faults: { rate: 1, kinds: ['drop'] } });
    worker.use(...faulty.handlers);
    const client = createRosterClient({
      baseUrl: '/api/roster/v1',
      getToken: () => faulty.tokenFor(OWNER),
      retry: { limit: 2, delay: 1 },
    });
    const error = await rejection(
      client.users.create({ firstName: 'Anna', lastName: 'Berg', email: 'anna.berg@acme.de', role: 'specialist' }),
    );
    expect(error).to.be.instanceOf(NetworkError);
    expect(client.stats.retries).to.equal(2);
    expect(faulty.faultsInjected('drop')).to.equal(3);
    expect(faulty.outbox().filter((mail) => mail.to === 'anna.berg@acme.de')).to.have.length(1);
  });
});
