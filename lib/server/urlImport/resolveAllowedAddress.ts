// Resolves a URL's host once and refuses it unless every address it maps to is allowed.
import 'server-only';
import dns from 'node:dns/promises';
import net from 'node:net';
import { AppError } from '@/lib/errors';
import { refusalReason, type AddressPolicy } from './addressPolicy';

export interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

export const refused = (reason: string) => new AppError(4003, `That URL cannot be imported: ${reason}.`);

export async function resolveAllowedAddress(url: URL, policy: AddressPolicy): Promise<PinnedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: PinnedAddress[];
  if (net.isIP(host)) {
    addresses = [{ address: host, family: net.isIP(host) as 4 | 6 }];
  } else {
    try {
      const found = await dns.lookup(host, { all: true, verbatim: true });
      addresses = found.map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
    } catch {
      throw refused(`the host "${host}" was not found`);
    }
  }
  if (addresses.length === 0) throw refused(`the host "${host}" has no address`);
  // One bad address is enough to refuse: a name that mixes public and internal addresses is a trick, not an accident.
  for (const { address } of addresses) {
    const reason = refusalReason(address, policy);
    if (reason) throw refused(reason);
  }
  return addresses[0];
}
