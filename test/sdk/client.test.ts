import { expect } from '@open-wc/testing';
import { NetworkError, ResponseShapeError, createRosterClient } from '../../src/sdk/index.js';

const user = {
  id: 'u1',
  firstName: 'Zoë',
  lastName: "O'Brien",
  email: 'zoe.obrien@acme.de',
  phone: null,
  role: 'guest',
  status: 'pending',
  verifiedAt: null,
  createdAt: '2024-04-30T09:00:00Z',
  updatedAt: '2024-04-30T09:00:00Z',
  version: 1,
  creditLimit: null,
  creditsSpent: 0,
  allowedIps: [],
  notifications: { taskUpdates: false, reportReady: true, creditsLow: false },
  access: { tools: [], tasks: [{ toolId: 'rank-tracker', taskId: 't1' }] },
};

describe('SDK client in the browser', () => {
  it('should resolve a relative base URL against the page and send the token there', async () => {
    const seen: Request[] = [];
    const client = createRosterClient({
      baseUrl: '/api/roster/v1',
      getToken: () => 'page-token',
      retry: 0,
      fetch: async (input, init) => {
        seen.push(new Request(input, init));
        return Response.json(user);
      },
    });
    expect(client.baseUrl).to.equal('/api/roster/v1');
    expect((await client.users.get('u1')).firstName).to.equal('Zoë');
    expect(seen[0]!.url).to.equal(`${location.origin}/api/roster/v1/users/u1`);
    expect(seen[0]!.headers.get('authorization')).to.equal('Bearer page-token');
  });

  it('should throw NetworkError when the real fetch cannot reach the server', async () => {
    const client = createRosterClient({ baseUrl: 'http://127.0.0.1:9/api/roster/v1', retry: 0, timeout: 5000 });
    let error: unknown;
    try {
      await client.me();
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as NetworkError).cause).to.be.instanceOf(TypeError);
  });

  it('should name the failing path of a body that breaks the contract', async () => {
    const client = createRosterClient({
      baseUrl: '/api/roster/v1',
      retry: 0,
      fetch: async () =>
        Response.json({
          items: [user, { ...user, access: { tools: [], tasks: [{ toolId: 1 }] } }],
          nextCursor: null,
          total: 2,
        }),
    });
    let error: unknown;
    try {
      await client.users.list();
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ResponseShapeError);
    expect((error as ResponseShapeError).path).to.equal('items.1.access.tasks.0.toolId');
  });
});
