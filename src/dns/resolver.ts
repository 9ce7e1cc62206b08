// The per-run resolver: one cache keyed by (name, type), in-flight de-duplication, a concurrency
// limit, a timeout on every attempt, one retry, and TCP when a UDP answer comes back truncated.
// The cache keeps the answers used most recently (CACHE_ANSWERS of them): the names many domains
// share (their MX hosts, the SPF includes of their providers) are asked again and again and stay;
// a domain's own names are asked while the domain is probed and not after. So a run of 50,000
// domains keeps no more answers than one of 5,000, and still asks each question once.
import { randomInt } from "node:crypto";
import pLimit from "p-limit";
import type { Dispatcher } from "undici";
import { DnsError } from "./errors.js";
import { decodeMessage, encodeQuery, extendChain, isTruncated, readAnswer } from "./message.js";
import { type ParsedResolver, parseResolverSpec } from "./resolver-spec.js";
import { sendDoh, sendTcp, sendUdp } from "./transport.js";
import type { DnsAnswer, RecordType, Resolver, ResolverStats } from "./types.js";

export interface ResolverOptions {
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  /** Attempts after the first, on timeout or network error only. */
  retries?: number;
  /** Queries on the wire at once. */
  concurrency?: number;
  /** Settled answers kept (default CACHE_ANSWERS); questions in flight are always shared. */
  cacheAnswers?: number;
  /** For DoH: an undici dispatcher (for example one that trusts a test CA). */
  dispatcher?: Dispatcher;
}

/**
 * Several times the names of the domains in flight at once (64 domains × about 10 names each) and
 * of the names they share. An answer kept costs about 2.5 KB (measured: the heap of a 5,000-domain
 * run), so the cache stays near 12 MB.
 */
export const CACHE_ANSWERS = 5_000;

export function createResolver(spec: string | ParsedResolver, options: ResolverOptions = {}): Resolver {
  const parsed = typeof spec === "string" ? parseResolverSpec(spec) : spec;
  const timeoutMs = options.timeoutMs ?? 5000;
  const retries = options.retries ?? 1;
  const limit = pLimit(options.concurrency ?? 32);
  const cache = new Map<string, { settled: boolean; promise: Promise<DnsAnswer> }>();
  const keep = options.cacheAnswers ?? CACHE_ANSWERS;
  let settled = 0;
  const stats: ResolverStats = { queries: 0, cacheHits: 0, inflightJoins: 0, sent: 0 };
  const info =
    parsed.kind === "doh"
      ? { spec: parsed.spec, kind: parsed.kind, server: parsed.url }
      : { spec: parsed.spec, kind: parsed.kind, server: `${parsed.server.host}:${parsed.server.port}` };

  /** The settled answer used least recently goes; questions in flight stay. */
  function evictOne(): void {
    for (const [k, e] of cache) {
      if (!e.settled) continue;
      cache.delete(k);
      wire.delete(k);
      settled--;
      return;
    }
  }

  async function attempt(name: string, type: RecordType): Promise<DnsAnswer> {
    stats.sent++;
    const id = parsed.kind === "doh" ? 0 : randomInt(0, 65536);
    const message = encodeQuery(id, name, type);
    const q = { name, type };
    if (parsed.kind === "doh") {
      const raw = await sendDoh(parsed.url, message, q, timeoutMs, options.dispatcher);
      return readAnswer(decodeMessage(raw, q), name, type, "doh");
    }
    const udp = decodeMessage(await sendUdp(parsed.server, message, q, timeoutMs), q);
    if (!isTruncated(udp)) return readAnswer(udp, name, type, "udp");
    // RFC 7766 §5: a truncated UDP answer is asked again over TCP.
    stats.sent++;
    const tcp = decodeMessage(await sendTcp(parsed.server, message, q, timeoutMs), q);
    return { ...readAnswer(tcp, name, type, "tcp"), truncatedUdp: true };
  }

  async function resolve(name: string, type: RecordType): Promise<DnsAnswer> {
    for (let i = 0; ; i++) {
      try {
        return await limit(() => attempt(name, type));
      } catch (err) {
        const retryable = err instanceof DnsError && (err.code === "DNS_TIMEOUT" || err.code === "DNS_NETWORK");
        if (!retryable || i >= retries) throw err;
      }
    }
  }

  // What the resolver said for each (name, type), before chains are completed: a chain's later
  // names are asked for once however many chains pass through them. Bounded as the cache is: a
  // question's entry goes with its cache entry, and names reached only through chains go oldest
  // first past twice the cache's size.
  const wire = new Map<string, Promise<DnsAnswer>>();
  function resolveOnce(name: string, type: RecordType): Promise<DnsAnswer> {
    const key = `${name.toLowerCase()}|${type}`;
    let p = wire.get(key);
    if (!p) {
      wire.set(key, (p = resolve(name, type)));
      if (wire.size > 2 * keep) wire.delete(wire.keys().next().value!);
    }
    return p;
  }

  /**
   * A resolver may return a CNAME chain that stops short of the record (it gave up, or the chain
   * leaves its zone data: RFC 1034 §4.3.2 step 3a, RFC 2308 §2.1). The rest is asked for here, so
   * "no record" is said only of the chain's true end; a loop or an overlong chain is DNS_CNAME_CHAIN.
   */
  async function completeChain(first: DnsAnswer, type: RecordType): Promise<DnsAnswer> {
    if (type === "CNAME" || first.status !== "nodata" || first.cnameChain.length === 0) return first;
    const chain = [...first.cnameChain];
    const seen = new Set([first.name, ...chain].map((n) => n.toLowerCase()));
    let answer = first;
    let ad = first.ad;
    const ede = [...first.ede];
    while (answer.status === "nodata" && answer.cnameChain.length > 0) {
      answer = await resolveOnce(chain.at(-1)!, type);
      ad &&= answer.ad;
      ede.push(...answer.ede);
      for (const n of answer.cnameChain) extendChain(chain, seen, first.name, n, { name: first.name, type }, ede);
    }
    return { ...first, status: answer.status, records: answer.records, cnameChain: chain, ad, ede };
  }

  return {
    info,
    stats: () => ({ ...stats }),
    query(rawName: string, type: RecordType): Promise<DnsAnswer> {
      stats.queries++;
      const name = rawName.replace(/\.$/, "").toLowerCase() || ".";
      if (name.length > 253 || name.split(".").some((l) => l.length > 63)) {
        return Promise.reject(new DnsError("DNS_BAD_NAME", `not a valid DNS name: ${rawName.slice(0, 80)}`, { name: rawName, type }));
      }
      const key = `${name}|${type}`;
      const hit = cache.get(key);
      if (hit) {
        if (hit.settled) {
          stats.cacheHits++;
          // Used again: to the back of the line (a Map keeps insertion order).
          cache.delete(key);
          cache.set(key, hit);
        } else stats.inflightJoins++;
        return hit.promise;
      }
      const entry = { settled: false, promise: resolveOnce(name, type).then((a) => completeChain(a, type)) };
      // Errors are cached too: a name gives the same answer to every check that asks while it is kept.
      const settle = () => {
        entry.settled = true;
        if (cache.get(key) !== entry) return;
        if (++settled > keep) evictOne();
      };
      entry.promise.then(settle, settle);
      cache.set(key, entry);
      return entry.promise;
    },
  };
}
