import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/user-editor/roster-user-editor.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import { axeCheck, clientFor, setupApi, waitFor } from './helpers.js';
import { $, ACCOUNT, OWNER, exists, focused, input, text } from './user-editor-helpers.js';

const SAM = 'sam.specialist@acme.de';

/** The editor of Sam, whose allowed IPs are `allowedIps`, with the viewer's address given or not. */
async function editSam(allowedIps: string[], clientIp?: string) {
  const testApi = setupApi({
    account: ACCOUNT,
    users: [{ firstName: 'Sam', lastName: 'Specialist', email: SAM, role: 'specialist', allowedIps }],
  });
  const client = clientFor(testApi.api, OWNER);
  const id = (await client.users.list({ q: SAM })).items[0]!.id;
  const el = await fixture<RosterUserEditor>(html`<roster-user-editor .client=${client} user-id=${id} locale="en"
    client-ip=${clientIp ?? ''}></roster-user-editor>`);
  await waitFor(() => $(el, 'form'), 'editor ready');
  await el.updateComplete;
  return el;
}

const line = (el: RosterUserEditor) => $(el, '.client-ip')?.textContent?.replace(/\s+/g, ' ').trim();
const addButton = (el: RosterUserEditor) => $<HTMLButtonElement>(el, '.client-ip > [part~="button"]');
const warned = (el: RosterUserEditor) => text(el).includes(en.editor.clientIpOutside);

describe('<roster-user-editor> client-ip', () => {
  it('should say nothing of a current IP the host did not give (or gave as no single address)', async () => {
    expect(exists(await editSam([]), '.client-ip')).to.equal(false);
    expect(exists(await editSam(['198.51.100.0/24'], 'not an address'), '.client-ip')).to.equal(false);
    expect(exists(await editSam([], '203.0.113.0/24'), '.client-ip'), "a range is nobody's address").to.equal(false);
  });

  it('should show the current IP and add it to the list when asked, announcing it', async () => {
    const el = await editSam([], '203.0.113.7');
    expect(line(el)).to.include(`${en.editor.clientIp} 203.0.113.7`);
    expect(warned(el), 'an empty list allows every address').to.equal(false);
    await axeCheck(el);
    addButton(el)!.click();
    await el.updateComplete;
    expect(el.values.allowedIps).to.deep.equal(['203.0.113.7']);
    expect(input(el, 'allowedIps.0').value).to.equal('203.0.113.7');
    expect($(el, '[role="status"]')!.textContent).to.include(en.editor.clientIpAdded('203.0.113.7'));
    await waitFor(() => focused(el)?.id === 'f-allowedIps-0', 'focus on the added entry');
    expect(addButton(el) !== null, 'nothing left to add').to.equal(false);
    expect(line(el)).to.include(en.editor.clientIpCovered);
    expect(el.hasUnsavedChanges).to.equal(true);
  });

  it('should warn, gently, when a list leaves the current IP out, and not when a range covers it', async () => {
    const el = await editSam(['198.51.100.0/24'], '203.0.113.7');
    expect(warned(el)).to.equal(true);
    expect(addButton(el) !== null).to.equal(true);
    expect($(el, '.client-ip-warning')!.getAttribute('role'), 'a hint, not an alert').to.equal(null);
    await axeCheck(el);
    addButton(el)!.click();
    await el.updateComplete;
    expect(el.values.allowedIps).to.deep.equal(['198.51.100.0/24', '203.0.113.7']);
    expect(warned(el)).to.equal(false);

    const covered = await editSam(['203.0.113.0/24'], '203.0.113.7');
    expect(warned(covered)).to.equal(false);
    expect(addButton(covered) !== null).to.equal(false);
    expect(line(covered)).to.include(en.editor.clientIpCovered);
  });

  it('should compare IPv6 addresses in canonical form', async () => {
    const el = await editSam(['2001:db8:4711::/48'], '2001:DB8:4711:0:0:0:0:1');
    expect(line(el)).to.include('2001:db8:4711::1');
    expect(warned(el)).to.equal(false);
    const outside = await editSam(['2001:db8:4711::/48'], '2001:db8:4712::1');
    expect(warned(outside)).to.equal(true);
  });
});
