// Permission gating through the elements, for each viewer role of the demo team: the list and the
// editor offer only the actions the viewer's permissions allow (new user, edit, delete, resend),
// the reference API refuses forged requests with `forbidden`, and when an element is fooled into
// offering an action (a `/me` that claims `users:write`), it shows the server's refusal.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/user-editor/roster-user-editor.js';
import '../../src/components/user-list/roster-user-list.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import type { RosterUserList } from '../../src/components/user-list/user-list.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import { ForbiddenError, type User } from '../../src/sdk/index.js';
import { clientFor, setupApi, type TestApi, waitFor } from '../components/helpers.js';
import { renderEditor } from '../components/user-editor-helpers.js';

type Viewer = keyof typeof DEMO_VIEWERS;

/** What each role may do, as SPEC's permission table says (owner: read and write; manager: read; others: their own profile). */
const ALLOWED: Record<Viewer, { read: boolean; write: boolean }> = {
  owner: { read: true, write: true },
  manager: { read: true, write: false },
  specialist: { read: false, write: false },
  guest: { read: false, write: false },
};

async function demoUser(testApi: TestApi, email: string): Promise<User> {
  const page = await clientFor(testApi.api, DEMO_VIEWERS.owner).users.list({ q: email });
  return page.items.find((user) => user.email === email)!;
}

const shadow = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

describe('permission gating through the elements', () => {
  for (const viewer of Object.keys(DEMO_VIEWERS) as Viewer[]) {
    const allowed = ALLOWED[viewer];
    it(`should offer a ${viewer} only what ${allowed.write ? 'reading and writing' : allowed.read ? 'reading' : 'their own profile'} allows`, async () => {
      const testApi = setupApi({ data: 'demo' });
      const client = clientFor(testApi.api, DEMO_VIEWERS[viewer]);
      const me = await client.me();
      expect(me.permissions.includes('users:read')).to.equal(allowed.read);
      expect(me.permissions.includes('users:write')).to.equal(allowed.write);
      const pending = await demoUser(testApi, 'hannah.mueller@nordlicht.de');
      const other = await demoUser(testApi, viewer === 'specialist' ? DEMO_VIEWERS.guest : DEMO_VIEWERS.specialist);

      // The list: rows and actions, or the "no access" notice without asking for more of the team.
      testApi.requests.length = 0;
      const list = await fixture<RosterUserList>(
        html`<roster-user-list .client=${client} locale="en" style="height: 900px"></roster-user-list>`,
      );
      if (allowed.read) {
        await waitFor(() => list.shadowRoot!.querySelectorAll('.body [role="row"][data-id]').length > 0, 'rows');
        const button = shadow(list, '[part~="toolbar"] [part~="button-primary"]')!;
        expect(button.getAttribute('aria-disabled')).to.equal(allowed.write ? 'false' : 'true');
        const pendingRow = shadow(list, `[data-id="${pending.id}"]`)!;
        expect(pendingRow.querySelector('[part~="row"] [part~="button-icon"]') !== null, 'resend offered').to.equal(
          allowed.write,
        );
      } else {
        await waitFor(() => list.shadowRoot!.textContent!.includes(en.list.noPermissionText), 'no access notice');
        expect(shadow(list, '[part~="toolbar"] [part~="button-primary"]')).to.equal(null);
        // The first page starts together with /me (no wait for the viewer): at most that one request,
        // which the server refuses; nothing after /me has answered.
        expect(testApi.requests.filter((r) => r.method === 'GET' && r.path === '/users').length).to.be.at.most(1);
      }

      // The editor on another profile: editable, read-only, or refused.
      const editor = await renderEditor(client, { userId: other.id, locale: 'en' });
      if (allowed.read) {
        const first = shadow(editor, '#f-firstName') as HTMLInputElement;
        expect(first.matches(':disabled'), 'name editable').to.equal(!allowed.write);
        expect(shadow(editor, 'button[type="submit"]') !== null, 'save offered').to.equal(allowed.write);
        expect(shadow(editor, '.danger-zone > [part~="button"]') !== null, 'delete offered').to.equal(allowed.write);
        if (!allowed.write)
          expect(shadow(editor, 'form > [part~="note"]')!.textContent!.trim()).to.equal(en.editor.noPermission);
      } else {
        expect(shadow(editor, '[part~="alert"]')!.textContent).to.include(en.errors.forbidden);
        expect(shadow(editor, 'form')).to.equal(null);
      }

      // Their own profile: shown, editable only with users:write.
      const own = await renderEditor(client, { userId: me.user.id, locale: 'en' });
      expect((shadow(own, '#f-firstName') as HTMLInputElement).value).to.equal(me.user.firstName);
      expect(shadow(own, 'button[type="submit"]') !== null).to.equal(allowed.write);

      // The resend action on a pending profile in the editor.
      if (allowed.read) {
        const pendingEditor = await renderEditor(client, { userId: pending.id, locale: 'en' });
        expect(shadow(pendingEditor, '.verification > [part~="button"]') !== null, 'resend in the editor').to.equal(
          allowed.write,
        );
      }
    });
  }

  it('should refuse forged requests through the SDK with ForbiddenError', async () => {
    const testApi = setupApi({ data: 'demo' });
    const guest = clientFor(testApi.api, DEMO_VIEWERS.guest);
    const manager = clientFor(testApi.api, DEMO_VIEWERS.manager);
    const owner = await demoUser(testApi, DEMO_VIEWERS.owner);
    const specialist = await demoUser(testApi, DEMO_VIEWERS.specialist);
    const refusals = await Promise.allSettled([
      guest.users.create({ firstName: 'Forged', lastName: 'User', email: 'forged.user@nordlicht.de', role: 'manager' }),
      guest.users.list(),
      manager.users.delete(owner.id),
      manager.users.update(specialist.id, { role: 'manager' }, { version: specialist.version }),
      manager.users.resendVerification((await demoUser(testApi, 'hannah.mueller@nordlicht.de')).id),
    ]);
    for (const refusal of refusals) {
      expect(refusal.status).to.equal('rejected');
      const reason = (refusal as PromiseRejectedResult).reason;
      expect(reason, String(reason)).to.be.instanceOf(ForbiddenError);
      expect(reason.code).to.equal('forbidden');
    }
    expect(await demoUser(testApi, DEMO_VIEWERS.specialist)).to.deep.equal(specialist);
  });

  it("should show the server's refusal when a manager's /me claims users:write", async () => {
    const testApi = setupApi({ data: 'demo' });
    // A host bug (or a tampered answer) makes the elements believe the manager may write.
    testApi.intercept(
      (r) => r.method === 'GET' && r.path === '/me',
      async (request) => {
        const me = await (await testApi.api.fetch(request)).json();
        return Response.json({ ...me, permissions: ['users:read', 'users:write'] });
      },
    );
    const manager = clientFor(testApi.api, DEMO_VIEWERS.manager);
    const specialist = await demoUser(testApi, DEMO_VIEWERS.specialist);
    const editor: RosterUserEditor = await renderEditor(manager, { userId: specialist.id, locale: 'en' });
    const first = shadow(editor, '#f-firstName') as HTMLInputElement;
    first.value = 'Forged';
    first.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await editor.updateComplete;
    shadow(editor, 'button[type="submit"]')!.click();
    const alert = await waitFor(() => shadow(editor, '[part~="alert"][role="alert"]'), 'refusal shown');
    expect(alert.textContent!.trim()).to.equal(en.errors.forbidden);
    expect(first.value, 'the input stays for the viewer').to.equal('Forged');
    expect((await demoUser(testApi, DEMO_VIEWERS.specialist)).firstName).to.equal(specialist.firstName);

    shadow(editor, '.danger-zone > [part~="button"]')!.click();
    await editor.updateComplete;
    shadow(editor, '#delete-dialog [part~="button-danger"]')!.click();
    const deleteError = await waitFor(() => shadow(editor, '#delete-dialog [part~="alert"]'), 'delete refusal shown');
    expect(deleteError.textContent).to.include(en.errors.forbidden);
    expect(await demoUser(testApi, DEMO_VIEWERS.specialist), 'still there').to.not.equal(undefined);
  });
});
