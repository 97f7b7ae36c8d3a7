// Contract v1.1: names (SPEC rule 1) refuse the bidirectional embeddings, overrides and isolates
// as they refuse other control characters. Every control at every place, in every name field and
// in task names, in the SDK's early check and in the reference API.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import {
  FIELD_MESSAGES,
  TaskCreateSchema,
  UserCreateSchema,
  UserPatchSchema,
  ValidationError,
  fieldErrorsFrom,
} from '../../src/sdk/index.js';
import { ownerSetup, settle, show } from './helpers.js';

/** The embeddings, overrides and isolates: LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const BIDI_CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

/** `control` placed at the start, inside and at the end of `name`. */
const placements = (name: string, control: string) => [
  `${control}${name}`,
  `${name.slice(0, 2)}${control}${name.slice(2)}`,
  `${name}${control}`,
];

/** The field errors the SDK's early check gives `input`, as `field: code` strings. */
function earlyErrors(
  schema: typeof UserCreateSchema | typeof UserPatchSchema | typeof TaskCreateSchema,
  input: unknown,
): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : fieldErrorsFrom(result.error, input).map((error) => `${error.field}: ${error.code}`);
}

describe('Names refuse bidirectional controls as control characters', () => {
  it('the SDK refuses every bidi control anywhere in a first name, last name or task name', () => {
    const person = { firstName: 'Ines', lastName: 'Berger', email: 'ines.berger@acme.de', role: 'specialist' as const };
    for (const control of BIDI_CONTROLS) {
      for (const field of ['firstName', 'lastName'] as const) {
        for (const name of placements(person[field], control)) {
          assert.deepEqual(
            earlyErrors(UserCreateSchema, { ...person, [field]: name }),
            [`${field}: control_characters`],
            show(name),
          );
          assert.deepEqual(
            earlyErrors(UserPatchSchema, { [field]: name }),
            [`${field}: control_characters`],
            show(name),
          );
        }
      }
      // "Invoice ‮fdp.exe": the classic right-to-left override in a file-like name.
      for (const name of [...placements('Quarterly report', control), `Invoice ${control}fdp.exe`]) {
        assert.deepEqual(
          earlyErrors(TaskCreateSchema, { toolId: 'keyword-research', name }),
          ['name: control_characters'],
          show(name),
        );
      }
    }
  });

  it('the reference API refuses them too, in create, edit and task creation, and stores nothing', async () => {
    const { client } = ownerSetup({ account: { credits: 1000 } });
    const target = await client.users.create({
      firstName: 'Edit',
      lastName: 'Target',
      email: 'edit.target@acme.de',
      role: 'specialist',
    });
    for (const [index, control] of BIDI_CONTROLS.entries()) {
      for (const field of ['firstName', 'lastName'] as const) {
        const name = `Ines${control} Berger`;
        const created = await settle(
          client.users.create({
            firstName: 'Ines',
            lastName: 'Berger',
            email: `ines.${index}@acme.de`,
            role: 'specialist',
            [field]: name,
          }),
        );
        assert.ok(!created.ok && created.error instanceof ValidationError, `${show(name)} as ${field} was accepted`);
        assert.deepEqual(created.error.fieldErrors, [
          { field, code: 'control_characters', message: FIELD_MESSAGES.control_characters },
        ]);
        const edited = await settle(client.users.update(target.id, { [field]: name }, { version: target.version }));
        assert.ok(
          !edited.ok && edited.error instanceof ValidationError,
          `${show(name)} as ${field} was accepted in an edit`,
        );
        assert.deepEqual(
          edited.error.fieldErrors.map((error) => [error.field, error.code]),
          [[field, 'control_characters']],
        );
      }
      const task = await settle(client.tasks.create({ toolId: 'keyword-research', name: `Report ${control}fdp.exe` }));
      assert.ok(!task.ok && task.error instanceof ValidationError, `${show(control)} in a task name was accepted`);
      assert.deepEqual(
        task.error.fieldErrors.map((error) => [error.field, error.code]),
        [['name', 'control_characters']],
      );
    }
    assert.deepEqual(await client.users.get(target.id), target, 'a refused edit changed the profile');
    assert.equal((await client.me()).account.credits.balance, 1000, 'a refused task was charged');
    assert.equal((await client.users.list()).total, 2);
  });

  it('keeps accepting the direction marks LRM, RLM and ALM, which reorder nothing beyond their neighbours', async () => {
    const { client } = ownerSetup();
    const names = [
      ['\u05d3\u05d5\u05d3\u200f', '\u05db\u05d4\u05df'],
      ['Anna\u200e', 'M\u00fcller'],
      ['\u0639\u0644\u064a\u061c', '\u062d\u0633\u0646'],
    ];
    for (const [index, [firstName, lastName]] of names.entries()) {
      const input = {
        firstName: firstName!,
        lastName: lastName!,
        email: `mark.${index}@acme.de`,
        role: 'specialist' as const,
      };
      assert.deepEqual(earlyErrors(UserCreateSchema, input), [], show(firstName!));
      const created = await client.users.create(input);
      assert.deepEqual([created.firstName, created.lastName], [firstName, lastName]);
    }
  });

  it('says so with the control-character message in English and German', () => {
    assert.match(FIELD_MESSAGES.control_characters, /control characters/);
    assert.equal(en.errors.control_characters, FIELD_MESSAGES.control_characters);
    assert.match(de.errors.control_characters, /Steuerzeichen/);
  });
});
