import { expect } from '@open-wc/testing';
import { en } from '../../src/components/localize/english.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import { axeCheck, clientFor, setupApi } from './helpers.js';
import { $, ACCOUNT, OWNER, exists, input, renderEditor, root } from './user-editor-helpers.js';

const SPECIALIST = 'sam.specialist@acme.de';
const MANAGER = 'mia.manager@acme.de';

async function editorFor(viewer: string) {
  const testApi = setupApi({
    account: ACCOUNT,
    users: [
      {
        firstName: 'Sam',
        lastName: 'Specialist',
        email: SPECIALIST,
        role: 'specialist',
        creditLimit: 500,
        allowedIps: ['203.0.113.0/24'],
      },
      { firstName: 'Mia', lastName: 'Manager', email: MANAGER, role: 'manager' },
    ],
  });
  const client = clientFor(testApi.api, viewer);
  const id = (await client.users.list({ q: SPECIALIST })).items[0]!.id;
  return renderEditor(client, { userId: id });
}

/** Whether a text input looks like a box to type in: a visible border or a filled background. */
function looksEditable(field: HTMLInputElement) {
  const style = getComputedStyle(field);
  const transparent = (colour: string) => colour === 'transparent' || /rgba\(.*,\s*0\)$/.test(colour);
  return !transparent(style.borderBlockStartColor) || !transparent(style.backgroundColor);
}

const values = (el: RosterUserEditor) =>
  [...root(el).querySelectorAll('.value')].map((value) => value.textContent!.replace(/\s+/g, ' ').trim());

describe('<roster-user-editor> read-only', () => {
  it('should show a viewer who cannot write the profile as text, not as controls to change', async () => {
    const el = await editorFor(MANAGER);
    expect($(el, 'form > [part~="note"]')!.textContent!.trim()).to.equal(en.editor.noPermission);
    for (const field of ['firstName', 'lastName', 'phone']) {
      const box = input(el, field);
      expect(box.readOnly, `${field} readonly`).to.equal(true);
      expect(box.getAttribute('aria-readonly'), `${field} aria-readonly`).to.equal('true');
      expect(looksEditable(box), `${field} looks editable`).to.equal(false);
    }
    // Choices read as their value: no radios, checkboxes, password or list controls.
    for (const control of [
      '[data-field="role"]',
      '[data-field="creditLimited"]',
      '[data-field^="notifications."]',
      '[data-field="password"]',
      '.ip-entry [part~="button-icon"]',
      '.ip-list > .ip-row > [part~="button"]',
      '#f-allowedIps-new',
    ]) {
      expect(exists(el, control), control).to.equal(false);
    }
    expect(values(el)).to.deep.equal([
      [
        en.editor.notificationOptions.taskUpdates,
        en.editor.notificationOptions.reportReady,
        en.editor.notificationOptions.creditsLow,
      ].join(', '),
      '203.0.113.0/24',
      en.roles.specialist.name,
      en.common.credits(500),
    ]);
    expect($(el, 'roster-access-grants')!.hasAttribute('readonly')).to.equal(true);
    await axeCheck(el);
  });

  it('should show the email of a profile edited as read-only text beside fields that can change', async () => {
    const el = await editorFor(OWNER);
    const email = $<HTMLInputElement>(el, '#f-email')!;
    expect(email.readOnly).to.equal(true);
    expect(looksEditable(email)).to.equal(false);
    expect(looksEditable(input(el, 'firstName')), 'an editable field still looks editable').to.equal(true);
    expect(input(el, 'firstName').readOnly).to.equal(false);
    expect(exists(el, '[data-field="role"]')).to.equal(true);
  });
});
