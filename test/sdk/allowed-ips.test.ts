import { expect } from '@open-wc/testing';
import { ipAllowed, parseAllowedIp } from '../../src/sdk/rules.js';

// Allowed IPs read the same in every browser engine as in Node: no engine's leniency reaches them.
describe('allowed IPs in the browser (SPEC rule 11)', () => {
  it('refuses an IPv4 tail with leading zeros, short forms or extra dots, as in Node', () => {
    for (const input of [
      '::ffff:010.0.0.1',
      '::ffff:01.2.3.4',
      '1:2:3:4:5:6:01.2.3.4',
      '::ffff:127.1',
      '::ffff:0x7f.0.0.1',
      '::1.2.3.4.',
      '1.2::3',
      'fe80::1%eth0',
      '12345::',
    ]) {
      expect(parseAllowedIp(input), input).to.deep.equal({ ok: false, code: 'invalid_ip' });
    }
    expect(ipAllowed('::ffff:010.0.0.1', ['10.0.0.0/8'])).to.equal(false);
  });

  it('writes IPv6 compressed and IPv4-mapped addresses as IPv4, as in Node', () => {
    expect(parseAllowedIp('2001:0DB8:0000:0000:0001:0000:0000:0001')).to.deep.equal({
      ok: true,
      value: '2001:db8::1:0:0:1',
    });
    expect(parseAllowedIp('::FFFF:10.0.0.1')).to.deep.equal({ ok: true, value: '10.0.0.1' });
    expect(parseAllowedIp('1:2:3:4:5::1.2.3.4')).to.deep.equal({ ok: true, value: '1:2:3:4:5:0:102:304' });
    expect(parseAllowedIp('2001:db8::1/32')).to.deep.equal({
      ok: false,
      code: 'ip_host_bits_set',
      suggestion: '2001:db8::/32',
    });
    expect(ipAllowed('::ffff:10.1.2.3', ['10.0.0.0/8'])).to.equal(true);
  });
});
