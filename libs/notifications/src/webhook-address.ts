import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookupAll } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** The rule a refused webhook URL breaks (the 400's `rule`, the dead letter's reason). */
export const WEBHOOK_PUBLIC_ADDRESS_RULE = 'publicAddress';

/** Cloud instance-metadata services: named as such, although their ranges are refused anyway. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

/**
 * Why an IP address may not receive webhooks (`loopback`, `private`, `linkLocal`,
 * `carrierGradeNat`, `uniqueLocal`, `multicast`, `unspecified`, `metadata`, ... as ipaddr.js
 * names its special ranges), or null for a public unicast address. IPv4-mapped IPv6 addresses
 * are judged as the IPv4 address they carry.
 */
export function internalAddressKind(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  let ip = ipaddr.parse(address);
  if (ip instanceof ipaddr.IPv6 && ip.isIPv4MappedAddress()) ip = ip.toIPv4Address();
  if (METADATA_ADDRESSES.has(ip.toNormalizedString()) || METADATA_ADDRESSES.has(ip.toString()))
    return 'metadata';
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

/** A webhook URL whose host is, or resolves to, an address it may not reach. */
export class WebhookTargetRefusedError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`webhook ${url} refused (${WEBHOOK_PUBLIC_ADDRESS_RULE}): ${reason}`);
    this.name = 'WebhookTargetRefusedError';
  }
}

/** Resolves a host name to every address it has (A and AAAA). */
export type ResolveAll = (hostname: string) => Promise<string[]>;

const resolveAll: ResolveAll = async (hostname) =>
  (await dnsLookupAll(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** The URL's host as an address or name: IPv6 literals lose their brackets, names are lowercase. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/**
 * Refuses (WebhookTargetRefusedError) an http(s) URL whose host is, or resolves to (any of its
 * addresses), a loopback, private, link-local, carrier-grade NAT, unique-local, multicast,
 * unspecified, metadata or otherwise non-public address; hosts in `allowedHosts` (the
 * WEBHOOK_ALLOWED_HOSTS list, empty in production) pass unchecked.
 */
export async function assertPublicWebhookTarget(
  url: string,
  allowedHosts: readonly string[],
  resolve: ResolveAll = resolveAll,
): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookTargetRefusedError(url, 'not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new WebhookTargetRefusedError(url, 'only http and https are allowed');
  const host = hostOf(parsed);
  if (allowedHosts.includes(host)) return;
  const addresses = ipaddr.isValid(host) ? [host] : await resolveOrRefuse(url, host, resolve);
  for (const address of addresses) {
    const kind = internalAddressKind(address);
    if (kind !== null)
      throw new WebhookTargetRefusedError(url, `${host} is a ${kind} address (${address})`);
  }
}

async function resolveOrRefuse(url: string, host: string, resolve: ResolveAll): Promise<string[]> {
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch (err) {
    throw new WebhookTargetRefusedError(
      url,
      `${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (addresses.length === 0) throw new WebhookTargetRefusedError(url, `${host} has no address`);
  return addresses;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).request that connects only to public addresses: the name is resolved
 * once, every address checked, and the connection made to those checked addresses (a name that
 * resolves to a public address when the URL is saved and to an internal one at delivery, DNS
 * rebinding, is refused). Hosts in `allowedHosts` resolve as usual.
 */
export function publicOnlyLookup(url: string, allowedHosts: readonly string[]) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const host = hostname.toLowerCase();
      const internal = allowedHosts.includes(host)
        ? undefined
        : addresses.find((a) => internalAddressKind(a.address) !== null);
      if (internal) {
        const kind = internalAddressKind(internal.address) ?? 'internal';
        return callback(
          new WebhookTargetRefusedError(url, `${host} is a ${kind} address (${internal.address})`),
          [],
        );
      }
      const [first] = addresses;
      if (!first)
        return callback(
          Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' }),
          [],
        );
      if (options.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}
