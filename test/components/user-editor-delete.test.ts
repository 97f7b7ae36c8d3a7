import { expect, oneEvent } from '@open-wc/testing';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import { axeCheck, clientFor, setupApi, waitFor } from './helpers.js';
import { $, ACCOUNT, OWNER, renderEditor } from './user-editor-helpers.js';

const SPECIALIST = 'sam.specialist@acme.de';

/** Sam owns two tasks; each of two guests has one of them and nothing else. */
function teamApi() {
  const only = (taskId: string) => ({ tools: [], tasks: [{ toolId: 'rank-tracker', taskId }] });
  return setupApi({
    account: ACCOUNT,
    users: [
      { id: 'usr_sam', firstName: 'Sam', lastName: 'Specialist', email: SPECIALIST, role: 'specialist' },
      {
        id: 'usr_gus',
        firstName: 'Gus',
        lastName: 'Guest',
        email: 'gus.guest@acme.de',
        role: 'guest',
        access: only('tsk_a'),
      },
      {
        id: 'usr_gert',
        firstName: 'Gert',
        lastName: 'Gast',
        email: 'gert.gast@acme.de',
        role: 'guest',
        access: only('tsk_b'),
      },
    ],
    tasks: [
      { id: 'tsk_a', toolId: 'rank-tracker', name: 'acme.de rankings', ownerId: SPECIALIST },
      { id: 'tsk_b', toolId: 'rank-tracker', name: 'shop.acme.de rankings', ownerId: SPECIALIST },
    ],
  });
}

const radio = (el: RosterUserEditor, value: string) =>
  $<HTMLInputElement>(el, `[name="delete-tasks"][value="${value}"]`)!;
const confirmButton = (el: RosterUserEditor) => $<HTMLButtonElement>(el, '#delete-dialog [part~="button-danger"]')!;

/** Opens the delete dialog, chooses to delete the tasks, confirms, and waits for the server's refusal. */
async function refusedDelete(locale: string) {
  const testApi = teamApi();
  const client = clientFor(testApi.api, OWNER);
  const el = await renderEditor(client, { userId: 'usr_sam', locale });
  $<HTMLButtonElement>(el, '.danger-zone > [part~="button"]')!.click();
  await el.updateComplete;
  const dialog = $<HTMLDialogElement>(el, '#delete-dialog')!;
  radio(el, 'delete').click();
  await el.updateComplete;
  confirmButton(el).click();
  const notice = await waitFor(() => $(el, '#delete-guests'), 'the guests notice');
  await waitFor(() => !confirmButton(el).disabled, 'the delete settled');
  return { testApi, client, el, dialog, notice };
}

describe('<roster-user-editor> delete that would leave guests with no task', () => {
  it('should explain the refusal, select the transfer, and delete with one more click', async () => {
    const { client, el, dialog, notice } = await refusedDelete('en');
    expect(dialog.open, 'the dialog stays open').to.equal(true);
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent!.trim()).to.equal(en.editor.delete.guestsNeedTasks(2));
    expect(radio(el, 'transfer').checked, 'transfer is now the choice').to.equal(true);
    expect(radio(el, 'delete').checked).to.equal(false);
    expect($(el, '#delete-dialog [part~="alert"] > [part~="button"]'), 'no retry of the refused choice').to.equal(null);
    expect((await client.users.get('usr_sam')).email, 'nothing was deleted').to.equal(SPECIALIST);
    await axeCheck(el);

    const deleted = oneEvent(el, 'roster-user-deleted');
    confirmButton(el).click();
    expect((await deleted).detail).to.deep.include({ tasks: 'transfer' });
    expect(dialog.open).to.equal(false);
    const owner = (await client.me()).user;
    expect((await client.tasks.list()).items.map((task) => task.ownerId)).to.deep.equal([owner.id, owner.id]);
    expect((await client.users.get('usr_gus')).access.tasks).to.have.length(1);
  });

  it('should explain it in the viewer’s language', async () => {
    const { notice, el } = await refusedDelete('de');
    expect(notice.textContent!.trim()).to.equal(de.editor.delete.guestsNeedTasks(2));
    expect(radio(el, 'transfer').checked).to.equal(true);
  });

  it('should forget the refusal when the dialog is closed and opened again', async () => {
    const { el, dialog } = await refusedDelete('en');
    $<HTMLButtonElement>(
      el,
      '#delete-dialog [part~="actions"] > [part~="button"]:not([part~="button-danger"])',
    )!.click();
    await waitFor(() => !dialog.open, 'closed');
    $<HTMLButtonElement>(el, '.danger-zone > [part~="button"]')!.click();
    await el.updateComplete;
    expect($(el, '#delete-guests')).to.equal(null);
    expect(radio(el, 'transfer').checked).to.equal(true);
  });
});
