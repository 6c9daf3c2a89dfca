import { describe, expect, it } from 'vitest';
import { refusalReason } from '@/lib/server/urlImport/addressPolicy';

const strict = { allowLoopback: false };
const testing = { allowLoopback: true };

describe('refusalReason allows public unicast only', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.8.9.10', /loopback/],
    ['::1', /loopback/],
    ['10.0.0.1', /inside our network \(private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /cloud metadata/],
    ['169.254.1.1', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['0.0.0.0', /unspecified/],
    ['::', /unspecified/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['fc00::1', /unique local/],
    ['fd12:3456::1', /unique local/],
    ['fd00:ec2::254', /cloud metadata/],
    ['fe80::1', /link-local/],
    ['ff02::1', /multicast/],
    ['::ffff:10.0.0.1', /private/],
    ['::ffff:169.254.169.254', /cloud metadata/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:a9fe:a9fe', /cloud metadata/],
    ['64:ff9b::a00:1', /NAT64/],
    ['not-an-ip', /not valid/],
  ])('refuses %s', (address, reason) => expect(refusalReason(address, strict)).toMatch(reason));

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(refusalReason(address, strict)).toBeNull();
  });

  it('with the test switch on, allows loopback and still refuses everything else', () => {
    expect(refusalReason('127.0.0.1', testing)).toBeNull();
    expect(refusalReason('::1', testing)).toBeNull();
    for (const address of ['10.0.0.1', '169.254.169.254', '192.168.0.1', 'fe80::1', '0.0.0.0', '::']) {
      expect(refusalReason(address, testing)).not.toBeNull();
    }
  });
});
