// Decides whether a resolved IP address may be fetched by URL import: public unicast only (SSRF guard).
import net from 'node:net';

interface Range {
  address: string;
  prefix: number;
  why: string;
}

const INSIDE = 'it points inside our network';

/** Ranges no import may reach. IPv4-mapped IPv6 (::ffff:10.0.0.1) matches the IPv4 rows: BlockList maps them. */
const REFUSED: Array<Range & { family: 'ipv4' | 'ipv6' }> = [
  { family: 'ipv4', address: '0.0.0.0', prefix: 8, why: 'it points to an unspecified address' },
  { family: 'ipv4', address: '10.0.0.0', prefix: 8, why: `${INSIDE} (private address)` },
  { family: 'ipv4', address: '100.64.0.0', prefix: 10, why: `${INSIDE} (carrier-grade NAT address)` },
  { family: 'ipv4', address: '127.0.0.0', prefix: 8, why: 'it points to this server itself (loopback)' },
  { family: 'ipv4', address: '169.254.169.254', prefix: 32, why: `${INSIDE} (cloud metadata service)` },
  { family: 'ipv4', address: '169.254.0.0', prefix: 16, why: `${INSIDE} (link-local address)` },
  { family: 'ipv4', address: '172.16.0.0', prefix: 12, why: `${INSIDE} (private address)` },
  { family: 'ipv4', address: '192.0.0.0', prefix: 24, why: `${INSIDE} (protocol assignment)` },
  { family: 'ipv4', address: '192.168.0.0', prefix: 16, why: `${INSIDE} (private address)` },
  { family: 'ipv4', address: '198.18.0.0', prefix: 15, why: `${INSIDE} (benchmarking network)` },
  { family: 'ipv4', address: '224.0.0.0', prefix: 4, why: 'it points to a multicast address' },
  { family: 'ipv4', address: '240.0.0.0', prefix: 4, why: 'it points to a reserved address' },
  { family: 'ipv6', address: '::', prefix: 128, why: 'it points to an unspecified address' },
  { family: 'ipv6', address: '::1', prefix: 128, why: 'it points to this server itself (loopback)' },
  { family: 'ipv6', address: 'fd00:ec2::254', prefix: 128, why: `${INSIDE} (cloud metadata service)` },
  { family: 'ipv6', address: 'fc00::', prefix: 7, why: `${INSIDE} (unique local address)` },
  { family: 'ipv6', address: 'fe80::', prefix: 10, why: `${INSIDE} (link-local address)` },
  { family: 'ipv6', address: 'fec0::', prefix: 10, why: `${INSIDE} (site-local address)` },
  { family: 'ipv6', address: 'ff00::', prefix: 8, why: 'it points to a multicast address' },
  // IPv4-compatible (deprecated) and NAT64/6to4 forms can carry an internal IPv4 address inside.
  { family: 'ipv6', address: '::', prefix: 96, why: `${INSIDE} (IPv4-compatible address)` },
  { family: 'ipv6', address: '64:ff9b::', prefix: 96, why: `${INSIDE} (NAT64 address)` },
  { family: 'ipv6', address: '2002::', prefix: 16, why: `${INSIDE} (6to4 address)` },
  { family: 'ipv6', address: '100::', prefix: 64, why: 'it points to a discard-only address' },
  { family: 'ipv6', address: '2001:db8::', prefix: 32, why: 'it points to a documentation address' },
];

const lists = REFUSED.map((r) => {
  const list = new net.BlockList();
  list.addSubnet(r.address, r.prefix, r.family);
  return { list, why: r.why };
});

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

export interface AddressPolicy {
  /** Tests serve files from 127.0.0.0/8 and ::1; every other refused range stays refused. */
  allowLoopback: boolean;
}

/** Null when the address may be fetched, else the plain reason it may not. */
export function refusalReason(address: string, policy: AddressPolicy): string | null {
  const family = net.isIP(address);
  if (family === 0) return 'its address is not valid';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (policy.allowLoopback && LOOPBACK.check(address, type)) return null;
  for (const { list, why } of lists) if (list.check(address, type)) return why;
  return null;
}
