// A canary password typed into the editor (per-user passwords), sent with success and with
// failures, must surface nowhere but in the request body: not in any shadow root's markup or any
// input's value, any `roster-*` event, the SDK's change notifications, the errors the editor keeps,
// console output, or web storage.
import { expect, oneEvent } from '@open-wc/testing';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import type { RosterChange, RosterClient } from '../../src/sdk/index.js';
import { clientFor, problemResponse, type TestApi, waitFor } from '../components/helpers.js';
import {
  $,
  apiWith,
  chooseRole,
  fill,
  fillDetails,
  input,
  OWNER,
  renderEditor,
  submit,
} from '../components/user-editor-helpers.js';
import { allElements } from './guards.js';

const CANARY = 'Canary-7f3a horse battery staple';
const SAM = 'sam.specialist@acme.de';

/** Paths inside `value` (objects, arrays, maps, errors with their causes) whose string holds the canary. */
function leaks(value: unknown, path = '$', seen = new Set<unknown>(), depth = 0): string[] {
  if (typeof value === 'string') return value.includes(CANARY) ? [path] : [];
  if (value === null || typeof value !== 'object' || seen.has(value) || depth > 8 || value instanceof Node) return [];
  seen.add(value);
  if (value instanceof Map || value instanceof Set) {
    return [...value.entries()].flatMap(([key, entry], i) => [
      ...leaks(key, `${path}{${i}}`, seen, depth + 1),
      ...leaks(entry, `${path}{${i}}`, seen, depth + 1),
    ]);
  }
  // Own names include an error's message, stack and cause, which are not enumerable.
  return Object.getOwnPropertyNames(value).flatMap((key) => {
    let entry: unknown;
    try {
      entry = (value as Record<string, unknown>)[key];
    } catch {
      return [];
    }
    return leaks(entry, `${path}.${key}`, seen, depth + 1);
  });
}

/** Where the canary shows in the page: any root's markup, any element's value or attribute. */
function domLeaks(): string[] {
  const found: string[] = [];
  if (document.documentElement.outerHTML.includes(CANARY)) found.push('document markup');
  for (const element of allElements(document)) {
    if (element.shadowRoot?.innerHTML.includes(CANARY)) found.push(`<${element.localName}> shadow root markup`);
    const control = element as Partial<HTMLInputElement>;
    for (const key of ['value', 'defaultValue', 'placeholder'] as const) {
      if (typeof control[key] === 'string' && control[key].includes(CANARY))
        found.push(`<${element.localName} id=${element.id}>.${key}`);
    }
    for (const { name, value } of element.attributes)
      if (value.includes(CANARY)) found.push(`<${element.localName}> [${name}]`);
  }
  return found;
}

interface Recorder {
  events: { type: string; detail: unknown }[];
  changes: RosterChange[];
  logs: unknown[][];
  stop(): void;
}

/** Records every `roster-*` event dispatched anywhere, the client's notifications and all console output. */
function record(client: RosterClient): Recorder {
  const events: Recorder['events'] = [];
  const changes: RosterChange[] = [];
  const logs: unknown[][] = [];
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    if (event.type.startsWith('roster-')) events.push({ type: event.type, detail: (event as CustomEvent).detail });
    return dispatch.call(this, event);
  };
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const saved = methods.map((method) => console[method]);
  methods.forEach((method, i) => {
    console[method] = (...args: unknown[]) => {
      logs.push(args);
      saved[i]!.apply(console, args);
    };
  });
  const unsubscribe = client.onChange((change) => changes.push(change));
  return {
    events,
    changes,
    logs,
    stop() {
      EventTarget.prototype.dispatchEvent = dispatch;
      methods.forEach((method, i) => (console[method] = saved[i]!));
      unsubscribe();
    },
  };
}

function storage(area: Storage) {
  return Object.fromEntries(Array.from({ length: area.length }, (_, i) => [area.key(i)!, area.getItem(area.key(i)!)]));
}

/**
 * Asserts the canary is nowhere; `sent` also proves it reached the API, so the search looked for
 * something real. `keptInField`: after a failed save the password stays in its own field (and the
 * form's value) so nothing typed is lost, and nowhere else.
 */
function assertNowhere(el: RosterUserEditor, recorder: Recorder, { keptInField = false } = {}) {
  const ownField = (leak: string) => keptInField && leak === '<input id=f-password>.value';
  expect(
    domLeaks().filter((leak) => !ownField(leak)),
    'DOM',
  ).to.deep.equal([]);
  expect(leaks(recorder.events), 'roster-* events').to.deep.equal([]);
  expect(leaks(recorder.changes), 'SDK change notifications').to.deep.equal([]);
  expect(leaks(recorder.logs), 'console').to.deep.equal([]);
  expect(leaks([storage(localStorage), storage(sessionStorage)]), 'web storage').to.deep.equal([]);
  const values = keptInField ? { ...el.values, password: undefined } : el.values;
  expect(
    leaks({
      saveError: el.saveError,
      formError: el.formError,
      serverProblems: el.serverProblems,
      values,
      conflict: el.conflict,
    }),
    "the editor's errors and state",
  ).to.deep.equal([]);
}

/** Records the password each write sent, after which `answer` replies (or, when it gives nothing, the API). */
function watchWrites(testApi: TestApi, answer?: () => Response | undefined): string[] {
  const sent: string[] = [];
  // The create flow's early check of step 1 is no write (and never carries the password).
  testApi.intercept(
    (r) => r.method === 'PATCH' || (r.method === 'POST' && r.path !== '/users/validate'),
    async (request) => {
      const body = await request.clone().json();
      if (typeof body.password === 'string') sent.push(body.password);
      return answer?.() ?? testApi.api.fetch(request);
    },
  );
  return sent;
}

async function setup() {
  const testApi = await apiWith({
    passwordMode: 'per-user',
    users: [{ firstName: 'Sam', lastName: 'Specialist', email: SAM, role: 'specialist' }],
  });
  const client = clientFor(testApi.api, OWNER);
  const id = (await client.users.list({ q: SAM })).items[0]!.id;
  return { testApi, client, id };
}

describe('password canary', () => {
  let recorder: Recorder | undefined;
  afterEach(() => recorder?.stop());

  it('should leave no trace of a password saved in an edit', async () => {
    const { testApi, client, id } = await setup();
    recorder = record(client);
    const el = await renderEditor(client, { userId: id });
    const sent = watchWrites(testApi);
    await fill(el, 'password', CANARY);
    expect(input(el, 'password').value, 'typed').to.equal(CANARY);
    const updated = oneEvent(el, 'roster-user-updated');
    await submit(el);
    await updated;
    await el.updateComplete;
    expect(sent).to.deep.equal([CANARY]);
    expect(recorder.events.map((e) => e.type)).to.include.members(['roster-before-user-update', 'roster-user-updated']);
    expect(recorder.changes.map((c) => c.type)).to.include('user-updated');
    assertNowhere(el, recorder);
  });

  for (const [name, answer, shown] of [
    ['refused by the server', () => problemResponse(422, 'password_too_weak'), '#f-password-error'],
    ['failing with a 503', () => problemResponse(503, 'server_error'), '[part~="alert"] > [part~="button"]'],
    [
      'lost on the network',
      () => {
        throw new TypeError('Failed to fetch');
      },
      '[part~="alert"] > [part~="button"]',
    ],
  ] as const) {
    it(`should leave no trace of a password in an edit ${name}`, async () => {
      const { testApi, client, id } = await setup();
      recorder = record(client);
      const el = await renderEditor(client, { userId: id });
      let failing = true;
      const sent = watchWrites(testApi, () => (failing ? answer() : undefined));
      await fill(el, 'password', CANARY);
      await submit(el);
      await waitFor(() => $(el, shown), 'the failure shown');
      await el.updateComplete;
      expect(sent).to.deep.equal([CANARY]);
      expect(input(el, 'password').value, 'kept after a failed send').to.equal(CANARY);
      assertNowhere(el, recorder, { keptInField: true });
      if (name === 'refused by the server') return;
      // Try again sends the same password; once saved, it is gone from everywhere.
      failing = false;
      const updated = oneEvent(el, 'roster-user-updated');
      ($(el, '[part~="alert"] > [part~="button"]') as HTMLButtonElement).click();
      await updated;
      await el.updateComplete;
      expect(sent).to.deep.equal([CANARY, CANARY]);
      expect(input(el, 'password').value, 'cleared after the save').to.equal('');
      assertNowhere(el, recorder);
    });
  }

  for (const outcome of ['created', 'refused'] as const) {
    it(`should leave no trace of a password in a create that is ${outcome}`, async () => {
      const { testApi, client } = await setup();
      recorder = record(client);
      const el = await renderEditor(client);
      const sent = watchWrites(testApi, outcome === 'refused' ? () => problemResponse(409, 'email_taken') : undefined);
      await fillDetails(el, 'Nora', 'Neumann', 'nora.neumann@acme.de', CANARY);
      await submit(el);
      await chooseRole(el, 'manager');
      await submit(el);
      await submit(el);
      if (outcome === 'created') await waitFor(() => el.step === 'done', 'created');
      else await waitFor(() => $(el, '#f-email-error'), 'email refused');
      await el.updateComplete;
      expect(sent).to.deep.equal([CANARY]);
      expect(recorder.events.map((e) => e.type)).to.include('roster-before-user-create');
      if (outcome === 'created') expect(recorder.events.map((e) => e.type)).to.include('roster-user-created');
      assertNowhere(el, recorder, { keptInField: outcome === 'refused' });
    });
  }
});
