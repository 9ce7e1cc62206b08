// Evaluating the mechanisms that do not recurse (RFC 7208 §5.1, §5.3–§5.7): all, a, mx, ptr, ip4,
// ip6 and exists. include recurses into check_host() and lives with it.
import type { MxData } from "../../dns/types.js";
import { inNetwork, type Ip, recordAddress } from "./ip.js";
import { expandTarget } from "./macro-values.js";
import { isAtOrUnder, validatedNames } from "./ptr.js";
import type { Mechanism } from "./record.js";
import type { SpfStep, SpfStepProblem } from "./types.js";
import { ask, type Walk } from "./walk.js";

export interface MechanismOutcome {
  kind: "match" | "no-match" | "permerror";
  voidLookup: boolean;
  target: string | null;
  detail: string;
  problem?: SpfStepProblem;
}

/** §4.6.4: an mx mechanism whose name has more than 10 MX records is a permerror. */
const MAX_MX_NAMES = 10;

/** Errors of DNS (SpfTempError) and of the time limit propagate: the caller makes them temperror. */
export async function evaluateMechanism(walk: Walk, m: Mechanism, domain: string, step: Pick<SpfStep, "queries">): Promise<MechanismOutcome> {
  switch (m.name) {
    case "all":
      return { kind: "match", voidLookup: false, target: null, detail: "all always matches (RFC 7208 §5.1)" };
    case "ip4":
    case "ip6": {
      const prefix = m.name === "ip4" ? (m.cidr4 ?? 32) : (m.cidr6 ?? 128);
      const match = inNetwork(walk.ip, m.network!, prefix);
      return { kind: match ? "match" : "no-match", voidLookup: false, target: null, detail: match ? `the client is in ${m.raw.replace(/^[+\-~?]/, "")}` : "the client is not in this network" };
    }
    default:
      break;
  }
  const target = await expandTarget(walk, step, m.domainSpec, domain);
  if (!target.ok) {
    // §4.8 / §5: a target name that cannot be asked for is treated as one that does not exist.
    return { kind: "no-match", voidLookup: false, target: null, detail: `no match: ${target.reason}, so it cannot exist`, problem: "invalid-target" };
  }
  const name = target.name;
  switch (m.name) {
    case "a":
      return addressMatch(walk, step, [name], m, name);
    case "mx":
      return mxMatch(walk, step, m, name);
    case "ptr":
      return ptrMatch(walk, step, name);
    case "exists": {
      // §5.7: an A query whatever the client's address family; any record is a match.
      const answer = await ask(walk, step, name, "A");
      const found = answer.records.length > 0;
      return { kind: found ? "match" : "no-match", voidLookup: !found, target: name, detail: found ? `${name} has an A record` : `${name} has no A record (${answer.status})` };
    }
    default:
      throw new Error(`evaluateMechanism: ${m.name} is evaluated by check_host`);
  }
}

/** §5.3: the addresses of `hosts` (A for an IPv4 client, AAAA for IPv6) against <ip> and the CIDR length. */
async function addressMatch(walk: Walk, step: Pick<SpfStep, "queries">, hosts: string[], m: Mechanism, target: string): Promise<MechanismOutcome> {
  const type = walk.ip.version === 4 ? "A" : "AAAA";
  const prefix = walk.ip.version === 4 ? (m.cidr4 ?? 32) : (m.cidr6 ?? 128);
  // All hosts are asked at once; the answers are read in order, as a sequential verifier would: a
  // match before a failed host is a match, a failed host before any match is the failure.
  const settled = await Promise.allSettled(hosts.map((h) => ask(walk, step, h, type)));
  const addresses: Ip[] = [];
  let match = false;
  for (const s of settled) {
    if (s.status === "rejected") throw s.reason;
    const found = s.value.records.map((r) => recordAddress(r.data)).filter((x): x is Ip => x !== null);
    addresses.push(...found);
    if (found.some((a) => inNetwork(walk.ip, a, prefix))) {
      match = true;
      break;
    }
  }
  const voidLookup = m.name === "a" && addresses.length === 0;
  const detail = match
    ? `the client is among the ${type} addresses of ${hosts.join(", ")}${prefix < (type === "A" ? 32 : 128) ? ` (/${prefix})` : ""}`
    : addresses.length === 0
      ? `${hosts.join(", ")} has no ${type} record`
      : `the client is not among the ${addresses.length} ${type} address(es) of ${hosts.join(", ")}`;
  return { kind: match ? "match" : "no-match", voidLookup, target, detail };
}

/** §5.4: the MX hosts of the target, then their addresses as for "a". */
async function mxMatch(walk: Walk, step: Pick<SpfStep, "queries">, m: Mechanism, name: string): Promise<MechanismOutcome> {
  const answer = await ask(walk, step, name, "MX");
  if (answer.records.length === 0) {
    // §5.4: no MX means no match; check_host() MUST NOT fall back to the A record of the target.
    return { kind: "no-match", voidLookup: true, target: name, detail: `${name} has no MX record (${answer.status})` };
  }
  if (answer.records.length > MAX_MX_NAMES) {
    return { kind: "permerror", voidLookup: false, target: name, detail: `${name} has ${answer.records.length} MX records; RFC 7208 §4.6.4 allows 10 per mx mechanism`, problem: "mx-limit" };
  }
  // RFC 7505: a Null MX ("0 .") names no host to look up.
  const hosts = answer.records.map((r) => (r.data as MxData).exchange.replace(/\.$/, "")).filter((h) => h !== "");
  if (hosts.length === 0) return { kind: "no-match", voidLookup: false, target: name, detail: `${name} publishes Null MX: no hosts` };
  const outcome = await addressMatch(walk, step, hosts, m, name);
  return { ...outcome, detail: `MX of ${name}: ${outcome.detail}` };
}

/** §5.5: validated names of <ip> at or under the target. */
async function ptrMatch(walk: Walk, step: Pick<SpfStep, "queries">, name: string): Promise<MechanismOutcome> {
  const names = await validatedNames(walk, step, (n) => isAtOrUnder(n, name));
  return names.length > 0
    ? { kind: "match", voidLookup: false, target: name, detail: `the client's validated name ${names[0]} is at or under ${name}` }
    : { kind: "no-match", voidLookup: false, target: name, detail: `no validated name of the client is at or under ${name}` };
}
