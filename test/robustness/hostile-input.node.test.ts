// Every naughty string and XSS payload through the SDK and the reference API as a first name, a
// last name and a task name: stored as `input.trim()` (SPEC rule 1) everywhere it comes back, or
// refused with a ValidationError naming exactly that field, for a reason the rule gives.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ValidationError, type RosterClient, type User } from '../../src/sdk/index.js';
import { hostileCorpora } from './corpora.js';
import { ownerSetup, settle, show } from './helpers.js';

type NameField = 'firstName' | 'lastName';

const isControlOrLineBreak = (codePoint: number) =>
  codePoint < 0x20 ||
  (codePoint >= 0x7f && codePoint <= 0x9f) ||
  codePoint === 0x2028 ||
  codePoint === 0x2029 ||
  (codePoint >= 0x202a && codePoint <= 0x202e) ||
  (codePoint >= 0x2066 && codePoint <= 0x2069);

/**
 * SPEC rule 1 written out again, independently of src/sdk/rules.ts: the field codes that may
 * refuse `trimmed`; none means it must be accepted. Control characters are C0, DEL and C1
 * (which holds NEL), and since contract v1.1 the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069); the line breaks beyond them are U+2028 and U+2029.
 */
function ruleOneRefusals(trimmed: string, { max, needsLetter }: { max: number; needsLetter: boolean }): string[] {
  const codePoints = Array.from(trimmed, (ch) => ch.codePointAt(0)!);
  if (codePoints.length === 0) return ['required'];
  const reasons: string[] = [];
  if (codePoints.length > max) reasons.push('too_long');
  if (codePoints.some(isControlOrLineBreak)) reasons.push('control_characters');
  if (needsLetter && !/\p{L}/u.test(trimmed)) reasons.push('name_needs_letter');
  return reasons;
}

/** Asserts a refusal that names only `field`, with codes the independent rule gives. */
function assertRefusedFor(error: unknown, field: string, reasons: string[], input: string) {
  assert.ok(error instanceof ValidationError, `${show(input)} as ${field}: ${String(error)}`);
  assert.equal(error.status, 422);
  assert.ok(error.fieldErrors.length > 0, `${show(input)}: no field errors`);
  for (const fieldError of error.fieldErrors) {
    assert.equal(fieldError.field, field, `${show(input)}: ${JSON.stringify(error.fieldErrors)}`);
    assert.ok(
      reasons.includes(fieldError.code),
      `${show(input)} as ${field}: ${fieldError.code}, expected one of ${reasons.join(', ')}`,
    );
  }
}

const counts = new Map<string, { accepted: number; refused: number }>();
function count(corpus: string, field: string, accepted: boolean) {
  const key = `${corpus}\u0000${field}`;
  const entry = counts.get(key) ?? { accepted: 0, refused: 0 };
  entry[accepted ? 'accepted' : 'refused'] += 1;
  counts.set(key, entry);
}

/** Creates, reads, lists and edits one name; returns whether it was accepted. */
async function probeName(
  client: RosterClient,
  editTarget: { user: User },
  field: NameField,
  input: string,
  email: string,
) {
  const expected = input.trim();
  const reasons = ruleOneRefusals(expected, { max: 100, needsLetter: true });
  const other: NameField = field === 'firstName' ? 'lastName' : 'firstName';
  const created = await settle(
    client.users.create({ email, role: 'specialist', [other]: 'Probe', [field]: input } as never),
  );
  if (reasons.length) {
    assert.ok(
      !created.ok,
      `${show(input)} as ${field} was accepted, but SPEC rule 1 refuses it (${reasons.join(', ')})`,
    );
    assertRefusedFor(created.error, field, reasons, input);
  } else {
    assert.ok(
      created.ok,
      `${show(input)} as ${field} was refused: ${created.ok ? '' : `${created.error.name} ${JSON.stringify(created.error.fieldErrors)}`}`,
    );
    const user = created.value;
    assert.equal(user[field], expected, `create returned ${show(user[field])} for ${show(input)}`);
    assert.equal(user[other], 'Probe');
    assert.equal((await client.users.get(user.id))[field], expected, `get changed ${show(input)}`);
    const listed = await client.users.list({ q: email });
    assert.deepEqual(
      listed.items.map((item) => [item.id, item[field]]),
      [[user.id, expected]],
      `list changed ${show(input)}`,
    );
    let found = false;
    for await (const item of client.users.iterate({ q: expected, limit: 200 })) found ||= item.id === user.id;
    assert.ok(found, `searching for ${show(expected)} does not find it`);
  }

  // The same string as an edit of an existing profile.
  const before = editTarget.user;
  const edited = await settle(client.users.update(before.id, { [field]: input }, { version: before.version }));
  const stored = await client.users.get(before.id);
  if (reasons.length) {
    assert.ok(!edited.ok, `${show(input)} as ${field} was accepted in an edit`);
    assertRefusedFor(edited.error, field, reasons, input);
    assert.deepEqual(stored, before, `a refused edit changed the profile: ${show(input)}`);
  } else {
    assert.ok(edited.ok, `${show(input)} as ${field} was refused in an edit: ${edited.ok ? '' : edited.error.name}`);
    assert.equal(edited.value[field], expected);
    assert.equal(stored[field], expected, `get after edit changed ${show(input)}`);
    editTarget.user = stored;
  }
  return reasons.length === 0;
}

describe('Hostile input: naughty strings and XSS payloads round-trip or are refused by field', () => {
  after(() => {
    for (const corpus of hostileCorpora) {
      const parts = ['firstName', 'lastName', 'task name'].map((field) => {
        const entry = counts.get(`${corpus.name}\u0000${field}`);
        return entry ? `${field} ${entry.accepted} accepted / ${entry.refused} refused` : `${field} not run`;
      });
      console.log(`${corpus.name} (${corpus.strings.length}): ${parts.join('; ')}`);
    }
  });

  for (const corpus of hostileCorpora) {
    for (const field of ['firstName', 'lastName'] as const) {
      it(`${corpus.name}: as ${field}, stored trimmed in create, get, list and edit, or refused naming ${field}`, async () => {
        const { client } = ownerSetup({ account: { seatLimit: corpus.strings.length + 10 } });
        const editTarget = {
          user: await client.users.create({
            firstName: 'Edit',
            lastName: 'Target',
            email: 'edit.target@acme.de',
            role: 'specialist',
          }),
        };
        for (const [index, input] of corpus.strings.entries()) {
          const accepted = await probeName(client, editTarget, field, input, `probe.${index}@acme.de`);
          count(corpus.name, field, accepted);
        }
      });
    }

    it(`${corpus.name}: as a task name, stored trimmed in create and list, or refused naming name and charging nothing`, async () => {
      const credits = 100_000;
      const { client } = ownerSetup({ account: { credits } });
      const toolId = 'keyword-research';
      let spent = 0;
      for (const input of corpus.strings) {
        const expected = input.trim();
        const reasons = ruleOneRefusals(expected, { max: 200, needsLetter: false });
        const created = await settle(client.tasks.create({ toolId, name: input }));
        if (reasons.length) {
          assert.ok(
            !created.ok,
            `${show(input)} as a task name was accepted, but SPEC rule 1 refuses it (${reasons.join(', ')})`,
          );
          assertRefusedFor(created.error, 'name', reasons, input);
        } else {
          assert.ok(
            created.ok,
            `${show(input)} as a task name was refused: ${created.ok ? '' : `${created.error.name} ${JSON.stringify(created.error.fieldErrors)}`}`,
          );
          spent += 5;
          assert.equal(created.value.name, expected);
          const listed = await client.tasks.list({ toolId, limit: 3 });
          assert.equal(
            listed.items.find((task) => task.id === created.value.id)?.name,
            expected,
            `list changed ${show(input)}`,
          );
        }
        count(corpus.name, 'task name', reasons.length === 0);
      }
      assert.equal((await client.me()).account.credits.balance, credits - spent, 'a refused task was charged');
    });
  }
});
