// Two tabs editing one user: two editors, each with its own client (as two browser tabs would
// have), on one reference API. The second save meets the first one's change and gets the conflict
// flow; the server keeps the first change until the viewer of the second chooses.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/user-editor/roster-user-editor.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import { clientFor, setupApi, waitFor } from '../components/helpers.js';
import { $, fill, root, submit } from '../components/user-editor-helpers.js';

const OWNER = 'olivia.owner@acme.de';
const SAM = 'sam.specialist@acme.de';

async function twoTabs() {
  const testApi = setupApi({ users: [{ firstName: 'Sam', lastName: 'Specialist', email: SAM, role: 'specialist' }] });
  const [first, second] = [clientFor(testApi.api, OWNER), clientFor(testApi.api, OWNER)];
  const id = (await first.users.list({ q: SAM })).items[0]!.id;
  const wrapper = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: 1fr 1fr">
    <roster-user-editor .client=${first} user-id=${id} locale="en"></roster-user-editor>
    <roster-user-editor .client=${second} user-id=${id} locale="en"></roster-user-editor>
  </div>`);
  const [a, b] = [...wrapper.querySelectorAll<RosterUserEditor>('roster-user-editor')] as [
    RosterUserEditor,
    RosterUserEditor,
  ];
  await waitFor(() => a.user && b.user && $(a, 'form') && $(b, 'form'), 'both editors loaded');
  return { testApi, id, a, b, read: () => clientFor(testApi.api, OWNER).users.get(id) };
}

describe('two tabs editing one user', () => {
  it('should give the second save the conflict flow and keep the first change until the viewer chooses', async () => {
    const { a, b, read } = await twoTabs();
    await fill(a, 'firstName', 'Samuel');
    const saved = oneEvent(a, 'roster-user-updated');
    await submit(a);
    await saved;
    expect((await read()).firstName).to.equal('Samuel');

    await fill(b, 'firstName', 'Sammy');
    await fill(b, 'lastName', 'Spezialist');
    await submit(b);
    await waitFor(() => $(b, '.conflict'), 'conflict shown in the second tab');
    const row = (field: string) => root(b).querySelector(`.conflict tr[data-field="${field}"]`)!;
    expect(row('firstName').querySelector('.theirs')!.textContent).to.equal('Samuel');
    expect(row('firstName').querySelector('.yours')!.textContent).to.equal('Sammy');
    expect($<HTMLInputElement>(b, '#f-firstName')!.value, 'the input kept').to.equal('Sammy');
    expect(await read(), 'nothing overwritten').to.include({ firstName: 'Samuel', lastName: 'Specialist', version: 2 });

    // The viewer chooses to put their changes over the first tab's.
    const reapplied = oneEvent(b, 'roster-user-updated');
    $<HTMLButtonElement>(b, '.conflict [part~="button-primary"]')!.click();
    await reapplied;
    expect(await read()).to.include({ firstName: 'Sammy', lastName: 'Spezialist', version: 3 });
  });

  it("should let the second tab take the first tab's version instead, saving nothing", async () => {
    const { testApi, a, b, read } = await twoTabs();
    await fill(a, 'lastName', 'Spezialistin');
    const saved = oneEvent(a, 'roster-user-updated');
    await submit(a);
    await saved;
    await fill(b, 'lastName', 'Specialista');
    await submit(b);
    await waitFor(() => $(b, '.conflict [part~="button"]:not([part~="button-primary"])'), 'conflict shown');
    const writes = testApi.requests.filter((r) => r.method === 'PATCH').length;
    $<HTMLButtonElement>(b, '.conflict [part~="button"]:not([part~="button-primary"])')!.click();
    await b.updateComplete;
    expect($<HTMLInputElement>(b, '#f-lastName')!.value).to.equal('Spezialistin');
    expect(b.hasUnsavedChanges).to.equal(false);
    expect(testApi.requests.filter((r) => r.method === 'PATCH').length, 'no write').to.equal(writes);
    expect(await read()).to.include({ lastName: 'Spezialistin', version: 2 });
  });
});
