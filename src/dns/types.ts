// The shapes our DNS client hands to probes. Everything a probe needs to judge an answer is kept:
// the rcode, the AD bit (RFC 4035 §3.2.3), Extended DNS Errors (RFC 8914) and the CNAME chain.

export type RecordType =
  | "A" | "AAAA" | "CNAME" | "MX" | "NS" | "PTR" | "SOA" | "TXT" | "SPF" | "TLSA" | "DS" | "DNSKEY";

export interface MxData { preference: number; exchange: string }
export interface TlsaData { usage: number; selector: number; matchingType: number; data: string }
export interface SoaData { mname: string; rname: string; serial: number }

/** One resource record of the type that was asked for, decoded, plus its presentation text. */
export interface DnsRecord {
  name: string;
  type: string;
  ttl: number;
  /** A/AAAA/CNAME/NS/PTR: a string; MX: MxData; TXT/SPF: the character-strings; TLSA: TlsaData. */
  data: string | string[] | MxData | TlsaData | SoaData | null;
  /** The record in zone-file presentation form, as a person would read it in the report. */
  text: string;
}

/** An Extended DNS Error option (RFC 8914 §2): info-code and optional extra text. */
export interface ExtendedError { code: number; text?: string }

/**
 * An answer, which includes the two negative answers: NXDOMAIN (the name does not exist) and
 * NODATA (the name exists, but has no record of this type; RFC 2308 §2.2). They are answers, not errors.
 */
export interface DnsAnswer {
  name: string;
  type: RecordType;
  status: "answer" | "nodata" | "nxdomain";
  /** RFC 4035 §3.2.3: the resolver validated every RRset in the answer. */
  ad: boolean;
  records: DnsRecord[];
  /** Names followed through CNAME records, first to last (RFC 1034 §3.6.2). */
  cnameChain: string[];
  ede: ExtendedError[];
  transport: "udp" | "tcp" | "doh";
  /** True when the UDP answer came back truncated and was asked again over TCP (RFC 7766 §5). */
  truncatedUdp: boolean;
}

export interface ResolverInfo {
  /** What the user asked for: `system`, `1.1.1.1`, `127.0.0.53:53`, `https://…/dns-query`. */
  spec: string;
  kind: "udp" | "doh";
  /** host:port or URL actually used. */
  server: string;
}

export interface ResolverStats {
  /** Queries asked of the resolver object. */
  queries: number;
  /** Answered from the per-run cache. */
  cacheHits: number;
  /** Joined an identical query already in flight. */
  inflightJoins: number;
  /** Queries that went on the wire (retries count once more each). */
  sent: number;
}

export interface Resolver {
  readonly info: ResolverInfo;
  /** Resolves a query; NXDOMAIN and NODATA resolve, errors reject with a DnsError. */
  query(name: string, type: RecordType): Promise<DnsAnswer>;
  stats(): ResolverStats;
}
