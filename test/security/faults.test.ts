// The main flows through the editor (create, edit, delete) against a reference API that fails 30 %
// of requests (5xx, dropped answers after the write, timeouts, malformed JSON), in seeded rounds.
// After each attempt the viewer either sees the change done, or their input still on screen with
// an error and a retry; retrying until done leaves the change applied exactly once on the server
// (read without faults): one profile per create, one version step per edit, the profile gone.
import { expect, oneEvent } from '@open-wc/testing';
import { en } from '../../src/components/localize/english.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import type { FaultOptions } from '../../src/mock/index.js';
import type { RosterClient } from '../../src/sdk/index.js';
import { clientFor, setupApi, type ReferenceApi, waitFor } from '../components/helpers.js';
import { $, chooseRole, fillDetails, input, renderEditor, root, submit } from '../components/user-editor-helpers.js';

const OWNER = 'olivia.owner@acme.de';
const SAM = 'sam.specialist@acme.de';
const ROUNDS = 10;
const MAX_ATTEMPTS = 15;

const KINDS = ['server_error', 'drop', 'timeout', 'malformed'] as const;
const tally = {
  attempts: 0,
  failuresShown: 0,
  faults: Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<(typeof KINDS)[number], number>,
};
let calmReads = 0;
const faultsFor = (seed: number): FaultOptions => ({ rate: 0.3, kinds: [...KINDS], seed, timeoutMs: 200 });

/** Reads the server's state without faults, then turns them on again (with the next seed, so the sequence goes on). */
async function calmly<T>(api: ReferenceApi, faults: FaultOptions, read: () => Promise<T>): Promise<T> {
  api.setFaults(null);
  try {
    return await read();
  } finally {
    calmReads += 1;
    api.setFaults({ ...faults, seed: faults.seed! * 1000 + calmReads });
  }
}

/**
 * Waits until `done()`, pressing the retry the editor offers after each failure (a failed load, a
 * failed send, a failed delete). `onFailure` checks what the viewer sees at that moment.
 */
async function retryUntil(
  el: RosterUserEditor,
  done: () => boolean,
  onFailure: (retry: HTMLElement) => void = () => {},
) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    tally.attempts += 1;
    const outcome = await waitFor(
      () => (done() ? 'done' : root(el).querySelector<HTMLElement>('[part~="alert"] > [part~="button"]')),
      'done or a retry offered',
      8000,
    );
    if (outcome === 'done') return;
    tally.failuresShown += 1;
    const error = outcome.closest('[part~="alert"]');
    expect(error?.textContent?.trim().length, 'an error message beside the retry').to.be.greaterThan(
      en.common.retry.length,
    );
    onFailure(outcome);
    outcome.click();
    await waitFor(() => !outcome.isConnected || done(), 'the retry started');
  }
  throw new Error(`not done after ${MAX_ATTEMPTS} attempts`);
}

function setup(seed: number) {
  const faults = faultsFor(seed);
  const testApi = setupApi({
    account: { seatLimit: 50 },
    users: [{ firstName: 'Sam', lastName: 'Specialist', email: SAM, role: 'specialist' }],
    faults,
  });
  const client: RosterClient = clientFor(testApi.api, OWNER, {
    timeout: 100,
    retry: { limit: 1, delay: 5, backoffLimit: 10 },
  });
  const calm = <T>(read: (client: RosterClient) => Promise<T>) =>
    calmly(testApi.api, faults, () => read(clientFor(testApi.api, OWNER)));
  return { api: testApi.api, client, calm };
}

/** The editor once its form shows (a failed first load is retried like a person would). */
async function editorFor(client: RosterClient, userId?: string) {
  const el = await renderEditor(client, { userId });
  await retryUntil(el, () => Boolean($(el, 'form')));
  return el;
}

describe('faults through the editor', function () {
  this.timeout(60000);
  after(() =>
    console.log(
      `faults through the editor: ${ROUNDS} rounds, ${tally.attempts} attempts, ${tally.failuresShown} failures shown ` +
        `with a retry, faults injected ${JSON.stringify(tally.faults)}`,
    ),
  );

  for (let round = 1; round <= ROUNDS; round += 1) {
    it(`should apply each change exactly once or keep the input with a retry (seed ${round})`, async () => {
      const { api, client, calm } = setup(round);
      const sam = await calm((c) => c.users.list({ q: SAM }).then((page) => page.items[0]!));

      // Edit: a new first name, saved once.
      const editor = await editorFor(client, sam.id);
      const name = `Samuel ${round}`;
      input(editor, 'firstName').value = name;
      input(editor, 'firstName').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await editor.updateComplete;
      let updated = false;
      editor.addEventListener('roster-user-updated', () => (updated = true));
      await submit(editor);
      await retryUntil(
        editor,
        () => updated,
        () => {
          expect(input(editor, 'firstName').value, 'the input kept').to.equal(name);
          expect(editor.hasUnsavedChanges).to.equal(true);
        },
      );
      const saved = await calm((c) => c.users.get(sam.id));
      expect(saved.firstName).to.equal(name);
      expect(saved.version, 'one edit, one version').to.equal(sam.version + 1);

      // Create: one profile, whatever was lost on the way.
      const creator = await editorFor(client);
      const email = `nora.round${round}@acme.de`;
      await fillDetails(creator, 'Nora', `Round ${round}`, email);
      await submit(creator);
      await chooseRole(creator, 'manager');
      await submit(creator);
      const created = oneEvent(creator, 'roster-user-created');
      await submit(creator);
      await retryUntil(
        creator,
        () => creator.step === 'done',
        () => {
          expect(creator.values.email, 'the input kept').to.equal(email);
        },
      );
      const newcomer = (await created).detail.user;
      const matches = await calm((c) => c.users.list({ q: email }));
      expect(
        matches.items.map((user) => user.id),
        'exactly one profile',
      ).to.deep.equal([newcomer.id]);

      // Delete: gone, after a confirmation that survives failures.
      const deleter = await editorFor(client, newcomer.id);
      $<HTMLButtonElement>(deleter, '.danger-zone > [part~="button"]')!.click();
      await deleter.updateComplete;
      $<HTMLButtonElement>(deleter, '#delete-dialog [part~="button-danger"]')!.click();
      await retryUntil(
        deleter,
        () => Boolean(deleter.deleted),
        () => {
          expect($<HTMLDialogElement>(deleter, '#delete-dialog')!.open, 'the dialog stays open').to.equal(true);
        },
      );
      const after = await calm((c) => c.users.list({ q: email }));
      expect(after.items, 'deleted').to.deep.equal([]);
      const samAfter = await calm((c) => c.users.get(sam.id));
      expect(samAfter.version, 'nothing else changed').to.equal(saved.version);
      for (const kind of KINDS) tally.faults[kind] += api.faultsInjected(kind);
    });
  }

  it('should show a delete whose answer was lost as done when the retry finds the profile gone', async () => {
    const testApi = setupApi({ users: [{ firstName: 'Sam', lastName: 'Specialist', email: SAM, role: 'specialist' }] });
    const client = clientFor(testApi.api, OWNER);
    const sam = (await client.users.list({ q: SAM })).items[0]!;
    const stop = testApi.intercept(
      (r) => r.method === 'DELETE',
      async (request) => {
        await testApi.api.fetch(request);
        throw new TypeError('Failed to fetch');
      },
    );
    const el = await renderEditor(client, { userId: sam.id });
    $<HTMLButtonElement>(el, '.danger-zone > [part~="button"]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#delete-dialog [part~="button-danger"]')!.click();
    const retry = await waitFor(
      () => $<HTMLButtonElement>(el, '#delete-dialog [part~="alert"] > [part~="button"]'),
      'the lost answer shown with a retry',
    );
    stop();
    const deleted = oneEvent(el, 'roster-user-deleted');
    retry.click();
    expect((await deleted).detail.user.id).to.equal(sam.id);
    await el.updateComplete;
    expect($(el, '[part="state"]')!.textContent).to.include(en.editor.delete.deleted('Sam Specialist'));
  });

  it('should have met every kind of fault in the rounds', () => {
    for (const kind of KINDS) expect(tally.faults[kind], kind).to.be.greaterThan(0);
  });
});
