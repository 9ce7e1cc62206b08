// Addresses a probe must not connect to unless the user asks (--allow-private): an MX or MTA-STS
// host of a public name that resolves into private, loopback or link-local space would let a scan of
// hostile domains reach the assessor's own network (issue 27). RFC 1918, RFC 6598 (shared), RFC
// 1122 (loopback, "this network"), RFC 3927 (link-local); RFC 4193 (unique local), RFC 4291
// (loopback, link-local, IPv4-mapped).
import { BlockList, isIPv4, isIPv6 } from "node:net";

const PRIVATE = new BlockList();
for (const [net, bits] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.168.0.0", 16]] as const) PRIVATE.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10]] as const) PRIVATE.addSubnet(net, bits, "ipv6");

export function isPrivateAddress(address: string): boolean {
  if (isIPv4(address)) return PRIVATE.check(address, "ipv4");
  if (!isIPv6(address)) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? PRIVATE.check(mapped[1]!, "ipv4") : PRIVATE.check(address, "ipv6");
}
