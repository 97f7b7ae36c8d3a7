// Contract v1.1, one person, one seat: email uniqueness (SPEC rule 2) ignores a `+tag`, so
// `ines+test@` is taken when `ines@` exists and the other way round.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { personKey } from '../../src/core/email.js';
import { ConflictError, UserCreateSchema } from '../../src/sdk/index.js';
import { ownerSetup, settle } from './helpers.js';

describe('One person, one seat: a `+tag` does not make another person', () => {
  it('personKey drops the `+tag` and lower-cases, nothing else', () => {
    for (const [email, key] of [
      ['ines@acme.de', 'ines@acme.de'],
      ['Ines+Test@ACME.de', 'ines@acme.de'],
      ['ines+a+b@acme.de', 'ines@acme.de'],
      ['ines+@acme.de', 'ines@acme.de'],
      ['ines.berger+news@mail.acme.de', 'ines.berger@mail.acme.de'],
      ['ines-test@acme.de', 'ines-test@acme.de'],
      ['ines_test@acme.de', 'ines_test@acme.de'],
      ['jürgen+x@bücher.de', 'jürgen@bücher.de'],
    ] as const)
      assert.equal(personKey(email), key, email);
    assert.notEqual(personKey('ines+a@acme.de'), personKey('ines+a@acme.com'));
    assert.notEqual(personKey('ines.test@acme.de'), personKey('ines@acme.de'));
  });

  it('the SDK keeps the `+tag` in the address it sends', () => {
    const result = UserCreateSchema.safeParse({
      firstName: 'Ines',
      lastName: 'Berger',
      email: ' Ines+Test@ACME.de ',
      role: 'specialist',
    });
    assert.ok(result.success);
    assert.equal(result.data.email, 'ines+test@acme.de');
  });

  it('refuses a `+tag` variant of an existing profile with 409 email_taken, either way round', async () => {
    const pairs = [
      ['ines@acme.de', 'ines+test@acme.de'],
      ['ines+test@acme.de', 'ines@acme.de'],
      ['ines+a@acme.de', 'ines+b@acme.de'],
      ['Ines+A@acme.de', 'INES@ACME.DE'],
      ['ines@acme.de', 'ines+a+b@acme.de'],
    ];
    for (const [first, second] of pairs) {
      const { client } = ownerSetup();
      const created = await client.users.create({
        firstName: 'Ines',
        lastName: 'Berger',
        email: first!,
        role: 'specialist',
      });
      assert.equal(created.email, first!.toLowerCase(), 'stored as given, lower-cased, with its tag');
      const again = await settle(
        client.users.create({ firstName: 'Ines', lastName: 'Again', email: second!, role: 'specialist' }),
      );
      assert.ok(
        !again.ok && again.error instanceof ConflictError,
        `${second} after ${first}: ${again.ok ? 'created' : again.error.name}`,
      );
      assert.equal(again.error.code, 'email_taken');
      assert.deepEqual(
        again.error.fieldErrors.map((error) => [error.field, error.code]),
        [['email', 'email_taken']],
      );
      // Once the first is deleted, the person may be added under either address.
      await client.users.delete(created.id, { tasks: 'delete' });
      const later = await client.users.create({
        firstName: 'Ines',
        lastName: 'Again',
        email: second!,
        role: 'specialist',
      });
      assert.equal(later.email, second!.toLowerCase());
    }
  });
});
