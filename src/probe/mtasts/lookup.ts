// Host names resolved through the run's resolver, never the system one (docs/architecture.md "DNS"):
// the addresses of a host, and a `lookup` function for net/tls.connect built on them.
import { isIPv6 } from "node:net";
import type { LookupFunction } from "node:net";
import type { Resolver } from "../../dns/types.js";
import type { ErrorCode } from "../../evidence/errors.js";
import { isPrivateAddress } from "../private-address.js";

export interface HostAddresses {
  /** IPv4 first, then IPv6. */
  list: string[];
  /** A lookup that failed (a DnsError) while the other found nothing: the answer is unknown. */
  error: unknown;
}

export async function addressesOf(resolver: Resolver, host: string): Promise<HostAddresses> {
  const [a, aaaa] = await Promise.allSettled([resolver.query(host, "A"), resolver.query(host, "AAAA")]);
  const list = [a, aaaa].flatMap((r) => (r.status === "fulfilled" ? r.value.records.map((x) => String(x.data)) : []));
  // An IPv6 failure alone does not hide working IPv4 addresses (and the other way round).
  const failed = [a, aaaa].find((r) => r.status === "rejected") as PromiseRejectedResult | undefined;
  return { list, error: failed && list.length === 0 ? failed.reason : null };
}

/** Errors carrying one of our stable codes. */
export function codedError(code: ErrorCode, message: string): Error & { code: ErrorCode } {
  return Object.assign(new Error(message), { code });
}

export function resolverLookup(resolver: Resolver, allowPrivate?: boolean): LookupFunction {
  return (hostname, options, callback) => {
    addressesOf(resolver, hostname).then(
      ({ list, error }) => {
        const wanted = list.filter((ip) => !options.family || options.family === (isIPv6(ip) ? 6 : 4));
        const refused = allowPrivate === false ? wanted.filter(isPrivateAddress) : [];
        if (refused.length > 0) {
          // Not one connection into private space, even beside a public address (issue 27).
          const err = codedError("HTTP_PRIVATE_ADDRESS", `${hostname} resolves to ${refused.join(", ")}, a private, loopback or link-local address: not connected to (give --allow-private to assess such hosts on purpose)`);
          callback(err as NodeJS.ErrnoException, "", 0);
        } else if (error || wanted.length === 0) {
          const err = error ?? codedError("HTTP_NO_ADDRESS", `${hostname} has no address`);
          callback(err as NodeJS.ErrnoException, "", 0);
        } else if (options.all) {
          callback(null, wanted.map((address) => ({ address, family: isIPv6(address) ? 6 : 4 })));
        } else {
          callback(null, wanted[0]!, isIPv6(wanted[0]!) ? 6 : 4);
        }
      },
      (err: unknown) => callback(err as NodeJS.ErrnoException, "", 0),
    );
  };
}
