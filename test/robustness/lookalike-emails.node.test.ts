// Contract v1.1: an address whose local part or a domain label mixes scripts (UTS #39), such as
// `аdmin@` with a Cyrillic `а`, is invalid_email. Every Cyrillic and Greek look-alike of a Latin
// letter at every position, and the single-script and CJK addresses that must stay valid.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import { isValidEmailAddress, mixesScripts } from '../../src/core/email.js';
import { FIELD_MESSAGES, UserCreateSchema, ValidationError, emailSyntaxProblem } from '../../src/sdk/index.js';
import { ownerSetup, settle, show } from './helpers.js';

/** Cyrillic and Greek letters that look like Latin ones, lower and upper case. */
const LOOKALIKES = {
  Cyrillic: [
    'а',
    'е',
    'о',
    'р',
    'с',
    'у',
    'х',
    'і',
    'ѕ',
    'ј',
    'һ',
    'ԁ',
    'ԛ',
    'ԝ',
    'А',
    'В',
    'Е',
    'К',
    'М',
    'Н',
    'О',
    'Р',
    'С',
    'Т',
    'Х',
  ],
  Greek: ['α', 'ο', 'ρ', 'ν', 'ι', 'κ', 'τ', 'υ', 'Α', 'Β', 'Ε', 'Ζ', 'Η', 'Ι', 'Κ', 'Μ', 'Ν', 'Ο', 'Ρ', 'Τ', 'Υ', 'Χ'],
};
const ALL_LOOKALIKES = [...LOOKALIKES.Cyrillic, ...LOOKALIKES.Greek];

/** Every way of putting one of `letters` in place of one letter of `word` (or after its last). */
function spoofed(word: string, letters: readonly string[]): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (const letter of letters) {
    chars.forEach((char, at) => {
      if (/\p{L}/u.test(char)) out.push([...chars.slice(0, at), letter, ...chars.slice(at + 1)].join(''));
    });
    out.push(word + letter);
  }
  return out;
}

/**
 * The server's verdict on an address that is otherwise well-formed. The SDK's loose early check
 * leaves scripts to the server (it never refuses what the server takes, and it does not grow the
 * bundle by a script table), so it lets every one of them through.
 */
function assertMixed(address: string, mixed: boolean) {
  assert.equal(isValidEmailAddress(address), !mixed, `server: ${show(address)}`);
  assert.equal(emailSyntaxProblem(address.toLowerCase()), null, `SDK: ${show(address)}`);
}

describe('Email: a local part or domain label that mixes scripts is invalid_email', () => {
  it('the script table marks the look-alikes as Cyrillic and Greek, not Latin', () => {
    for (const letter of LOOKALIKES.Cyrillic) assert.ok(/\p{Script=Cyrillic}/u.test(letter), letter);
    for (const letter of LOOKALIKES.Greek) assert.ok(/\p{Script=Greek}/u.test(letter), letter);
  });

  it('refuses each Cyrillic or Greek look-alike at each position of a Latin local part', () => {
    let count = 0;
    for (const local of ['admin', 'support', 'info', 'max.mustermann', 'ines+test', 'j.doe-2']) {
      for (const spoof of spoofed(local, ALL_LOOKALIKES)) {
        assertMixed(`${spoof}@acme.de`, true);
        count += 1;
      }
    }
    assert.ok(count > 1500, `${count} addresses`);
  });

  it('refuses each look-alike at each position of a Latin domain label, the top-level one included', () => {
    for (const spoof of spoofed('acme', ALL_LOOKALIKES)) assertMixed(`max@${spoof}.de`, true);
    for (const spoof of spoofed('mail', ALL_LOOKALIKES)) assertMixed(`max@${spoof}.acme.de`, true);
    for (const spoof of spoofed('com', ALL_LOOKALIKES)) assertMixed(`max@acme.${spoof}`, true);
  });

  it('refuses Latin letters in Cyrillic or Greek words, and Cyrillic mixed with Greek', () => {
    for (const spoof of spoofed('почта', ['o', 'p', 'a', 'x'])) {
      assertMixed(`аня@${spoof}.рф`, true);
      assertMixed(`${spoof}@почта.рф`, true);
    }
    for (const spoof of spoofed('δοκιμή', ['o', 'k', 'i'])) assertMixed(`${spoof}@παράδειγμα.δοκιμή`, true);
    for (const spoof of spoofed('почта', LOOKALIKES.Greek)) assertMixed(`${spoof}@почта.рф`, true);
    for (const spoof of spoofed('δοκιμή', LOOKALIKES.Cyrillic)) assertMixed(`${spoof}@παράδειγμα.δοκιμή`, true);
  });

  it('refuses kana with Hangul or Cyrillic, which no language writes together', () => {
    for (const address of ['たろう김@example.jp', 'タロウа@example.jp', 'max@例えб.jp', 'تامر.max@acme.de'])
      assertMixed(address, true);
  });

  it('accepts single-script and Japanese, Chinese and Korean addresses, as before', () => {
    const accepted = [
      'jürgen.weiß@nordlicht.de',
      'zoë.o-brien+news@bücher.de',
      'max2@acme.de',
      'аня@почта.рф',
      'иван.петров@пример.рф',
      'ivan@почта.рф',
      'олег-2@acme.de',
      'δοκιμή@παράδειγμα.δοκιμή',
      'νίκος@acme.gr',
      '用户@例子.广告',
      '山田たろう@例え.jp',
      'やまだ.タロウ@example.jp',
      'yamada.タロウ@例え.jp',
      'tarō-ラーメン@acme.jp',
      '李.ㄅㄆ@acme.tw',
      'li.李@acme.cn',
      '김철수@예시.한국',
      'kim.철수@acme.kr',
      'تامر@acme.de',
      'דוד@acme.co.il',
    ];
    for (const address of accepted) assertMixed(address, false);
    // Digits, dots, hyphens, `+` and `_` go with any script.
    assert.equal(mixesScripts('аня_2024+тест.1-2'), false);
    assert.equal(mixesScripts('2024_+.-'), false);
  });

  it('refuses `аdmin@` through POST /users as invalid_email, so it cannot pass as a personal address', async () => {
    const { client } = ownerSetup({ account: { seatLimit: 500 } });
    const spoofs = spoofed('admin', ALL_LOOKALIKES);
    for (const [index, local] of [...spoofs, ...spoofed('max.berger', LOOKALIKES.Cyrillic)].entries()) {
      const email = `${local}@acme.de`;
      const input = { firstName: 'Max', lastName: `Spoof ${index}`, email, role: 'specialist' as const };
      assert.ok(UserCreateSchema.safeParse(input).success, `the early check refuses ${show(email)}`);
      const created = await settle(client.users.create(input));
      assert.ok(!created.ok && created.error instanceof ValidationError, `${show(email)} was accepted`);
      assert.deepEqual(
        created.error.fieldErrors,
        [{ field: 'email', code: 'invalid_email', message: FIELD_MESSAGES.invalid_email }],
        show(email),
      );
    }
    assert.equal((await client.users.list()).total, 1);
    // The localised texts of that code exist; no new message is needed.
    assert.ok(en.errors.invalid_email && de.errors.invalid_email);
  });
});
