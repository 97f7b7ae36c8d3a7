import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ipaddr from 'ipaddr.js';
import { parseAllowedIp } from '../../src/sdk/rules.js';

const accepted = (input: string) => {
  const result = parseAllowedIp(input);
  assert.ok(result.ok, `${input} should be accepted`);
  return result.value;
};
const refused = (input: string) => {
  const result = parseAllowedIp(input);
  assert.ok(!result.ok, `${input} should be refused, got ${result.ok && result.value}`);
  return result;
};

describe('allowed IPs (SPEC rule 11)', () => {
  it('refuses the ambiguous IPv4 forms behind CVE-2024-29415, CVE-2023-42282 and CVE-2021-29921', () => {
    for (const input of [
      '127.1',
      '01200034567',
      '012.1.2.3',
      '010.0.0.1',
      '0x7F.1',
      '0x7f.0.0.1',
      '2130706433',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '1.2.3.04',
      ' ',
      '',
      '1.2.3.4/',
      '1.2.3.4/33',
      '1.2.3.4/08',
      '1.2.3.4/-1',
      '1.2.3.4/0x8',
    ]) {
      assert.equal(refused(input).code, 'invalid_ip');
    }
  });

  it('refuses zone ids and malformed IPv6', () => {
    for (const input of [
      'fe80::1%eth0',
      'fe80::1%25eth0',
      '1::2::3',
      ':1::',
      '1:2:3:4:5:6:7:8:9',
      '12345::',
      'g::1',
      '::ffff:010.0.0.1',
      '::ffff:127.1',
      '1:2:3:4:5:6:7',
      '::/129',
    ]) {
      assert.equal(refused(input).code, 'invalid_ip', input);
    }
  });

  it('stores IPv4-mapped IPv6 as the IPv4 address, whatever the case', () => {
    assert.equal(accepted('::fFFf:127.0.0.1'), '127.0.0.1');
    assert.equal(accepted('::ffff:7f00:1'), '127.0.0.1');
    assert.equal(accepted('0:0:0:0:0:FFFF:10.0.0.0/104'), '10.0.0.0/8');
  });

  it('compresses IPv6 as RFC 5952 says', () => {
    assert.equal(accepted('2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
    assert.equal(accepted('2001:0db8:0000:0000:0001:0000:0000:0001'), '2001:db8::1:0:0:1');
    assert.equal(accepted('2001:db8:0:1:1:1:1:1'), '2001:db8:0:1:1:1:1:1');
    assert.equal(accepted('0:0:0:0:0:0:0:0'), '::');
    assert.equal(accepted('  ::1 '), '::1');
    assert.equal(accepted('2001:db8::/32'), '2001:db8::/32');
  });

  it('refuses a range with host bits set and suggests the network', () => {
    assert.deepEqual(refused('10.1.2.3/8'), { ok: false, code: 'ip_host_bits_set', suggestion: '10.0.0.0/8' });
    assert.deepEqual(refused('2001:db8::1/32'), { ok: false, code: 'ip_host_bits_set', suggestion: '2001:db8::/32' });
    assert.equal(accepted('0.0.0.0/0'), '0.0.0.0/0');
    assert.equal(accepted('192.168.1.0/24'), '192.168.1.0/24');
  });

  it('agrees with ipaddr.js on thousands of random addresses and ranges', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const groups = Array.from({ length: 8 }, () => (random() < 0.4 ? 0 : Math.floor(random() * 0x10000)));
      const text = groups.map((g) => g.toString(16).padStart(random() < 0.5 ? 4 : 1, '0')).join(':');
      const oracle = ipaddr.IPv6.parse(text);
      const expected = oracle.isIPv4MappedAddress() ? oracle.toIPv4Address().toString() : oracle.toRFC5952String();
      assert.equal(accepted(text), expected, text);
      const prefix = Math.floor(random() * 129);
      const network = ipaddr.IPv6.networkAddressFromCIDR(`${text}/${prefix}`);
      const result = parseAllowedIp(`${text}/${prefix}`);
      if (network.toNormalizedString() === oracle.toNormalizedString()) assert.ok(result.ok, `${text}/${prefix}`);
      else assert.ok(!result.ok && result.code === 'ip_host_bits_set', `${text}/${prefix}`);
      const v4 = [0, 0, 0, 0].map(() => Math.floor(random() * 256)).join('.');
      assert.equal(accepted(v4), ipaddr.IPv4.parse(v4).toString());
    }
  });
});
