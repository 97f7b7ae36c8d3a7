// The form's early email check (UserCreateSchema: trim, lower-case, loose syntax) is never
// stricter than the reference API. test/mock/inputs.node.test.ts proves the server against the
// isemail vectors and the loose rule function alone; this runs both ends as a client sees them,
// with the vectors as typed, upper-cased and padded with spaces.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { UserCreateSchema, ValidationError, fieldErrorsFrom } from '../../src/sdk/index.js';
import { ownerSetup, settle, show } from './helpers.js';

/** The addresses of isemail's vectors (test/fixtures/isemail-tests.xml, BSD-3, licence beside it). */
function isemailAddresses(): string[] {
  const xml = readFileSync('test/fixtures/isemail-tests.xml', 'utf8');
  const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
  return [...xml.matchAll(/<test id="\d+">([\s\S]*?)<\/test>/g)].map(([, test]) =>
    (/<address>([\s\S]*?)<\/address>/.exec(test!)?.[1] ?? '')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => entities[name]!)
      // The file writes control characters as their U+2400 pictures.
      .replace(/[\u2400-\u241f]/g, (symbol) => String.fromCharCode(symbol.charCodeAt(0) - 0x2400)),
  );
}

const SYNTAX_CODES = new Set(['required', 'too_long', 'invalid_email']);

describe('Email: the SDK’s early check is never stricter than the reference API', () => {
  it('lets through every address the server accepts, as typed, upper-cased or padded', async () => {
    const addresses = isemailAddresses();
    assert.equal(addresses.length, 164);
    // Internationalised ones too, and look-alikes that mix scripts (both ends refuse those).
    const typed = [
      ...addresses,
      'jürgen.weiß@nordlicht.de',
      '用户@例子.广告',
      'δοκιμή@παράδειγμα.δοκιμή',
      'аня@почта.рф',
      'yamada.タロウ@例え.jp',
      '김철수@예시.한국',
      '\u0430dmin@acme.de',
      'max@\u0430cme.de',
      'm\u03b1x@acme.de',
    ];
    let accepted = 0;
    let looser = 0;
    // Each form on its own account, so that an upper-cased address is not merely taken.
    for (const form of [
      (address: string) => address,
      (address: string) => address.toUpperCase(),
      (address: string) => ` ${address}\t`,
    ]) {
      const { client } = ownerSetup({ account: { emailDomain: null, seatLimit: typed.length + 10 } });
      for (const [index, email] of typed.map(form).entries()) {
        const input = { firstName: 'Eva', lastName: `Vector ${index}`, email, role: 'specialist' as const };
        const early = UserCreateSchema.safeParse(input);
        const earlyEmailErrors = early.success
          ? []
          : fieldErrorsFrom(early.error, input).filter((error) => error.field === 'email');
        const server = await settle(client.users.create(input));
        // Role, free-mail and taken refusals come after a passed syntax check: only syntax codes count.
        const serverSyntaxErrors = server.ok
          ? []
          : server.error.fieldErrors.filter((error) => error.field === 'email' && SYNTAX_CODES.has(error.code));
        if (!server.ok)
          assert.ok(
            server.error instanceof ValidationError || server.error.code === 'email_taken',
            `${show(email)}: ${server.error.name}`,
          );
        if (serverSyntaxErrors.length) {
          if (earlyEmailErrors.length === 0) looser += 1;
          continue;
        }
        accepted += 1;
        assert.deepEqual(earlyEmailErrors, [], `the early check refuses ${show(email)}, which the server takes`);
        if (server.ok) assert.equal(server.value.email, email.trim().toLowerCase());
      }
    }
    // At least the 22 valid vectors and 6 internationalised addresses, in each of the three forms
    // (more once trimmed: several invalid vectors are valid addresses with white space around).
    assert.ok(accepted >= 28 * 3, `${accepted} accepted`);
    console.log(
      `email: ${accepted} addresses the server takes all pass the early check; ${looser} it refuses pass it too (looser by design)`,
    );
  });
});
