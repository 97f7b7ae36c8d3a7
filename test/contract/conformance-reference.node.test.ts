/** The reference API passes the conformance kit, in both password modes. */
import { type ConformanceAccount, runConformance } from '../../src/conformance/index.js';
import { type ReferenceApi, createReferenceApi } from '../../src/mock/index.js';

const TOOLS = [
  { id: 'rank-tracker', name: 'Rank Tracker', taskCost: 10 },
  { id: 'site-audit', name: 'Site Audit', taskCost: 25 },
  { id: 'keyword-research', name: 'Keyword Research', taskCost: 5 },
];

for (const passwordMode of ['shared', 'per-user'] as const) {
  // One reference API per account. A request goes to the API that issued its token or mailed its
  // link; one without either (an anonymous request) to the newest.
  const apis: ReferenceApi[] = [];
  const route = (input: RequestInfo | URL, init?: RequestInit) => {
    const token = /^Bearer (\S+)$/.exec(new Headers(init?.headers).get('authorization') ?? '')?.[1];
    const path = new URL(String(input)).pathname;
    return (
      apis.findLast((api) =>
        token ? tokens.get(api)!.includes(token) : api.outbox().some((mail) => mail.link === path),
      ) ?? apis.at(-1)!
    );
  };
  const tokens = new Map<ReferenceApi, string[]>();
  const setup = async (): Promise<ConformanceAccount> => {
    const account = { emailDomain: 'acme.de', seatLimit: 8, passwordMode, balance: 1000, tools: TOOLS };
    const api = createReferenceApi({
      account: {
        name: 'Acme GmbH',
        emailDomain: account.emailDomain,
        seatLimit: account.seatLimit,
        passwordMode,
        credits: account.balance,
      },
      owner: { firstName: 'Olivia', lastName: 'Owner', email: 'olivia.owner@acme.de' },
      tools: TOOLS,
      users: [
        { firstName: 'Mona', lastName: 'Manager', email: 'mona.manager@acme.de', role: 'manager' },
        {
          firstName: 'Sam',
          lastName: 'Specialist',
          email: 'sam.specialist@acme.de',
          role: 'specialist',
          creditLimit: 100,
          access: { tools: ['rank-tracker'], tasks: [] },
        },
        {
          firstName: 'Gus',
          lastName: 'Guest',
          email: 'gus.guest@acme.de',
          role: 'guest',
          access: { tools: [], tasks: [{ toolId: 'rank-tracker', taskId: 'tsk_guest' }] },
        },
      ],
      tasks: [{ id: 'tsk_guest', toolId: 'rank-tracker', name: 'Shared project', ownerId: 'olivia.owner@acme.de' }],
    });
    const issued = {
      owner: api.tokenFor('olivia.owner@acme.de'),
      manager: api.tokenFor('mona.manager@acme.de'),
      specialist: api.tokenFor('sam.specialist@acme.de'),
      guest: api.tokenFor('gus.guest@acme.de'),
    };
    apis.push(api);
    tokens.set(api, Object.values(issued));
    return {
      tokens: issued,
      account,
      latestLink: async (email) =>
        api
          .outbox()
          .filter((mail) => mail.to === email && mail.link)
          .at(-1)?.link ?? null,
    };
  };
  runConformance({
    name: `reference API (${passwordMode})`,
    baseUrl: 'http://localhost/api/roster/v1',
    fetch: (input, init) => route(input, init).fetch(input, init),
    setup,
    capabilities: { verificationLinks: true },
  });
}
