// Real names are accepted and come back exactly as given: the names that break naive validators,
// a seeded sample of names in many scripts, and names of a single code point.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SCRIPT_LOCALES, type PersonName, namesInManyScripts, oneCodePointNames, realNames } from './corpora.js';
import { ownerSetup, settle, show } from './helpers.js';

/** Creates each name, then reads it back by id and by search, and renames a profile to it. */
async function assertRoundTrip(names: readonly PersonName[]) {
  const { client } = ownerSetup({ account: { seatLimit: names.length + 10 } });
  let renamed = await client.users.create({
    firstName: 'Rename',
    lastName: 'Me',
    email: 'rename.me@acme.de',
    role: 'specialist',
  });
  for (const [index, { firstName, lastName, source }] of names.entries()) {
    const label = `${source}: ${show(`${firstName} ${lastName}`)}`;
    const created = await settle(
      client.users.create({ firstName, lastName, email: `name.${index}@acme.de`, role: 'specialist' }),
    );
    assert.ok(created.ok, `${label} was refused: ${created.ok ? '' : JSON.stringify(created.error.fieldErrors)}`);
    const { id } = created.value;
    assert.deepEqual([created.value.firstName, created.value.lastName], [firstName, lastName], label);
    const stored = await client.users.get(id);
    assert.deepEqual([stored.firstName, stored.lastName], [firstName, lastName], label);
    const found = await client.users.list({ q: `${firstName} ${lastName}`, limit: 200 });
    assert.ok(
      found.items.some((user) => user.id === id),
      `searching for ${label} does not find it`,
    );
    renamed = await client.users.update(renamed.id, { firstName, lastName }, { version: renamed.version });
    assert.deepEqual([renamed.firstName, renamed.lastName], [firstName, lastName], `rename to ${label}`);
  }
}

describe('Real names are accepted and returned unchanged', () => {
  it('every name of personal-names.tsv', async () => {
    assert.equal(realNames.length, 15);
    await assertRoundTrip(realNames);
  });

  it('30 seeded first and last names from each of many scripts', async () => {
    const names = namesInManyScripts(30, 1);
    assert.equal(names.length, 30 * SCRIPT_LOCALES.length);
    // The sample really is in those scripts, not an English fallback.
    for (const [script, locale] of [
      [/\p{Script=Han}/u, 'zh_CN'],
      [/\p{Script=Hangul}/u, 'ko'],
      [/\p{Script=Arabic}/u, 'ar'],
      [/\p{Script=Hebrew}/u, 'he'],
      [/\p{Script=Thaana}/u, 'dv'],
      [/\p{Script=Cyrillic}/u, 'uk'],
      [/\p{Script=Greek}/u, 'el'],
      [/\p{Script=Armenian}/u, 'hy'],
      [/\p{Script=Georgian}/u, 'ka_GE'],
      [/\p{Script=Devanagari}/u, 'ne'],
      [/\p{Script=Thai}/u, 'th'],
    ] as const) {
      assert.ok(
        names.filter((name) => name.source === locale).every((name) => script.test(name.firstName + name.lastName)),
        locale,
      );
    }
    await assertRoundTrip(names);
  });

  it('names of a single code point, like 葵 and 李', async () => {
    await assertRoundTrip(oneCodePointNames);
  });
});
