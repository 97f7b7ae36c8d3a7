import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createReferenceApi, isValidEmailAddress } from '../../src/mock/index.js';
import { emailSyntaxProblem } from '../../src/sdk/rules.js';
import { OWNER, as, assertFieldError, newProfile } from './helpers.js';

interface Vector {
  id: string;
  address: string;
  category: string;
  valid: boolean;
}

/**
 * isemail's vectors (test/fixtures/isemail-tests.xml, BSD-3, licence beside it). Control
 * characters are written as U+2400 + code; "valid" means the VALID and DNSWARN categories (a DNS
 * warning says nothing about syntax); every other category is refused by the server.
 */
function isemailVectors(): Vector[] {
  const xml = readFileSync('test/fixtures/isemail-tests.xml', 'utf8');
  const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
  return [...xml.matchAll(/<test id="(\d+)">([\s\S]*?)<\/test>/g)].map(([, id, body]) => {
    const raw = /<address>([\s\S]*?)<\/address>/.exec(body!)?.[1] ?? '';
    const address = raw
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => entities[name]!)
      .replace(/[\u2400-\u241f]/g, (symbol) => String.fromCharCode(symbol.charCodeAt(0) - 0x2400));
    const category = /<category>(.*?)<\/category>/.exec(body!)![1]!;
    return {
      id: id!,
      address,
      category,
      valid: category === 'ISEMAIL_VALID_CATEGORY' || category === 'ISEMAIL_DNSWARN',
    };
  });
}

describe('reference API: email syntax against the isemail vectors', () => {
  const vectors = isemailVectors();

  it('reads all 164 vectors, 22 of them valid', () => {
    assert.equal(vectors.length, 164);
    assert.equal(vectors.filter((vector) => vector.valid).length, 22);
  });

  it('accepts every valid address and refuses every invalid one', () => {
    for (const vector of vectors) {
      assert.equal(
        isValidEmailAddress(vector.address),
        vector.valid,
        `#${vector.id} ${vector.category} ${JSON.stringify(vector.address)}`,
      );
    }
  });

  it('accepts internationalised addresses (UTF-8 local parts, IDN domains)', () => {
    for (const address of [
      'jürgen.weiß@nordlicht.de',
      '用户@例子.广告',
      'δοκιμή@παράδειγμα.δοκιμή',
      'x@bücher.de',
      'аня@почта.рф',
    ]) {
      assert.ok(isValidEmailAddress(address), address);
    }
    for (const address of ['a b@x.de', 'a@x..de', 'a@-x.de', 'a\u200b@x.de', 'a@x.de\u00a0', 'a@x_y.de']) {
      assert.ok(!isValidEmailAddress(address), address);
    }
  });

  it('the SDK’s loose check never refuses an address the server accepts', () => {
    const accepted = [...vectors.map((vector) => vector.address), 'jürgen.weiß@nordlicht.de', '用户@例子.广告'].filter(
      isValidEmailAddress,
    );
    assert.equal(accepted.length, 24);
    for (const address of accepted) assert.equal(emailSyntaxProblem(address), null, address);
  });

  it('refuses every invalid vector through POST /users with invalid_email, and takes every valid one', async () => {
    const api = createReferenceApi({ account: { emailDomain: null, seatLimit: 1000 } });
    for (const vector of vectors) {
      const answer = await as(api, OWNER).post('/users', newProfile({ email: vector.address }));
      const emailErrors = (answer.body.errors ?? []).filter((error: { field: string }) => error.field === 'email');
      if (vector.valid) {
        // A valid address may still be a role address (`test@…` is not) or taken, never invalid.
        assert.ok(!emailErrors.some((error: { code: string }) => error.code === 'invalid_email'), `#${vector.id}`);
      } else if (vector.address.trim() !== vector.address) {
        // Surrounding white space is trimmed like every text field: the address stored is the trimmed one.
        assert.ok(answer.status === 201 || emailErrors.length > 0, `#${vector.id}`);
        if (answer.status === 201) assert.equal(answer.body.email, vector.address.trim().toLowerCase());
      } else {
        // One code per address: empty is `required`, past 254 characters `too_long`, else `invalid_email`.
        const expected =
          vector.address === '' ? 'required' : vector.address.length > 254 ? 'too_long' : 'invalid_email';
        assert.deepEqual(
          emailErrors.map((error: { code: string }) => error.code),
          [expected],
          `#${vector.id} ${JSON.stringify(vector.address)}`,
        );
      }
    }
  });
});

describe('reference API: names, phones and allowed IPs', () => {
  it('accepts every name of personal-names.tsv, stored as given', async () => {
    const lines = readFileSync('test/fixtures/personal-names.tsv', 'utf8').trim().split('\n').slice(1);
    assert.ok(lines.length >= 15);
    const api = createReferenceApi({ account: { seatLimit: 100 } });
    for (const [index, line] of lines.entries()) {
      const full = line.split('\t')[0]!;
      const space = full.indexOf(' ');
      const firstName = full.slice(0, space);
      const lastName = full.slice(space + 1);
      const answer = await as(api, OWNER).post(
        '/users',
        newProfile({ firstName, lastName, email: `person.${index}@acme.de` }),
      );
      assert.equal(answer.status, 201, `${full}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.firstName, firstName);
      assert.equal(answer.body.lastName, lastName);
    }
    for (const [firstName, lastName] of [
      ['李', '葵'],
      ['José María', 'Nguyễn'],
      ['Jean-Luc', "O'Brien"],
      ['Δημήτρης', 'Παπαδόπουλος'],
      ['محمد', 'العلي'],
    ]) {
      const answer = await as(api, OWNER).post(
        '/users',
        newProfile({ firstName, lastName, email: `p.${lastName.length}.${firstName.length}@acme.de` }),
      );
      assert.equal(answer.status, 201, `${firstName} ${lastName}`);
    }
  });

  it('refuses the allowed-IP pitfalls of the known CVEs and canonicalises the rest', async () => {
    const api = createReferenceApi();
    const ips = async (allowedIps: string[]) =>
      as(api, OWNER).post(
        '/users',
        newProfile({ email: `ip.${allowedIps.length}.${allowedIps[0]!.length}@acme.de`, allowedIps }),
      );
    for (const input of ['127.1', '01200034567', '012.1.2.3', '0x7F.1', '2130706433', '010.0.0.1', 'fe80::1%eth0']) {
      assertFieldError(await ips([input]), 'allowedIps.0', 'invalid_ip');
    }
    const hostBits = await ips(['10.1.2.3/8']);
    assertFieldError(hostBits, 'allowedIps.0', 'ip_host_bits_set');
    assert.match(hostBits.body.errors[0].message, /10\.0\.0\.0\/8/);
    assertFieldError(await ips(['10.0.0.1', '10.0.0.1']), 'allowedIps.1', 'duplicate_ip');
    const stored = await ips([
      '::fFFf:127.0.0.1',
      '2001:0DB8:0000:0000:0001:0000:0000:0001',
      'FE80::1',
      '192.168.0.0/16',
    ]);
    assert.equal(stored.status, 201);
    assert.deepEqual(stored.body.allowedIps, ['127.0.0.1', '2001:db8::1:0:0:1', 'fe80::1', '192.168.0.0/16']);
  });
});
