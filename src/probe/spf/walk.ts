// The state one check_host() evaluation carries down its include/redirect tree, and the one way it
// asks DNS: through the injected resolver, within the time limit, every question written to the trace.
import { DnsError } from "../../dns/errors.js";
import type { DnsAnswer, RecordType, Resolver } from "../../dns/types.js";
import type { Ip } from "./ip.js";
import type { SpfStep } from "./types.js";

export interface Walk {
  resolver: Resolver;
  ip: Ip;
  /** RFC 7208 §4.3: a sender without a local-part gets "postmaster". */
  sender: { local: string; domain: string };
  /** %{h} (§7.3). */
  helo: string;
  /** %{r} (§7.3): the receiving host's name. */
  receiver: string;
  now: () => number;
  /** §4.6.4: past this instant (ms) the evaluation gives up with temperror. */
  deadline: number;
  /** Walk every term and every include, not only the ones a receiver reaches (the linter). */
  exhaustive: boolean;
  limits: { lookups: number; voids: number; walkLookups: number };
  /** What a receiver counts (§4.6.4): terms it would evaluate. */
  live: { lookups: number; voids: number };
  /** What the whole walk counts: every DNS-querying term of the tree. */
  total: { lookups: number; voids: number };
  /** The full walk stopped early (its own safety limit or the time limit). */
  truncated: boolean;
  steps: SpfStep[];
  /** §5.5 validated names of <ip>, found once for %{p}. */
  validatedNames: Promise<string[]> | null;
}

/** A DNS failure (timeout, SERVFAIL …): the term's result is temperror (RFC 7208 §2.6.6, §4.4, §5). */
export class SpfTempError extends Error {
  override readonly name = "SpfTempError";
}

/** §4.6.4: the overall time limit was reached; the result SHOULD be temperror. */
export class SpfTimeLimit extends Error {
  override readonly name = "SpfTimeLimit";
}

/** An answer with no records, for a name the resolver refuses to ask (it cannot exist). */
function noSuchName(name: string, type: RecordType): DnsAnswer {
  return { name, type, status: "nxdomain", ad: false, records: [], cnameChain: [], ede: [], transport: "udp", truncatedUdp: false };
}

export async function ask(walk: Walk, step: Pick<SpfStep, "queries">, name: string, type: RecordType): Promise<DnsAnswer> {
  if (walk.now() > walk.deadline) throw new SpfTimeLimit("the time limit for one SPF evaluation was reached (RFC 7208 §4.6.4)");
  try {
    const answer = await walk.resolver.query(name, type);
    step.queries.push(`${name} ${type}: ${answer.status}${answer.records.length > 0 ? ` (${answer.records.length})` : ""}`);
    return answer;
  } catch (err) {
    if (!(err instanceof DnsError)) throw err;
    step.queries.push(`${name} ${type}: ${err.code}`);
    if (err.code === "DNS_BAD_NAME") return noSuchName(name, type);
    throw new SpfTempError(`${name} ${type}: ${err.code} (${err.message})`);
  }
}
