// Reading one SPF record into its terms (RFC 7208 §4.6, §5, §6 and the ABNF of §12). The whole
// record is checked before any term is evaluated: §4.6 lets a verifier parse first, and the test
// suite requires that a syntax error anywhere is a permerror, even after a matching term.
import { domainSpecProblem } from "./domain-spec.js";
import { type Ip, parseIp } from "./ip.js";
import { type MacroToken, parseMacroString } from "./macro.js";
import type { Qualifier } from "./types.js";

/** RFC 7208 §4.5: "v=spf1" exactly, or followed by a space; case does not matter (§4.6.1). */
export const isSpfRecord = (text: string): boolean => /^v=spf1(?: |$)/i.test(text);

export type MechanismName = "all" | "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists";

export interface Mechanism {
  kind: "mechanism";
  /** The term as written. */
  raw: string;
  qualifier: Qualifier;
  name: MechanismName;
  /** include, exists (required); a, mx, ptr (optional: the current domain when absent). */
  domainSpec: MacroToken[] | null;
  /** ip4 and ip6: the network; a and mx: null. */
  network: Ip | null;
  /** §5.6 ip4-cidr-length / ip6-cidr-length; null when not given. */
  cidr4: number | null;
  cidr6: number | null;
}

export interface Modifier {
  kind: "modifier";
  raw: string;
  /** Lower case. */
  name: string;
  value: MacroToken[];
}

export type Term = Mechanism | Modifier;

export interface SpfRecord {
  /** Every term in order, modifiers included (the linter reads positions). */
  terms: Term[];
  mechanisms: Mechanism[];
  redirect: Modifier | null;
  exp: Modifier | null;
  /** §6.1: a redirect is ignored when the record has an "all" mechanism anywhere. */
  hasAll: boolean;
}

export type RecordParse = { ok: true; record: SpfRecord } | { ok: false; error: string; term: string | null };

/** DNS-querying terms (§4.6.4): they count against the limit of 10. */
export const LOOKUP_MECHANISMS: ReadonlySet<MechanismName> = new Set(["include", "a", "mx", "ptr", "exists"]);

export function parseRecord(text: string): RecordParse {
  if (!isSpfRecord(text)) return { ok: false, error: "the record does not begin with v=spf1", term: null };
  // §4.6.1 / §12: terms are separated by one or more SP; nothing else separates them.
  const raws = text.slice(6).split(" ").filter((t) => t !== "");
  const terms: Term[] = [];
  for (const raw of raws) {
    const t = parseTerm(raw);
    if ("error" in t) return { ok: false, error: t.error, term: raw };
    terms.push(t);
  }
  const mods = (name: string) => terms.filter((t): t is Modifier => t.kind === "modifier" && t.name === name);
  for (const name of ["redirect", "exp"]) {
    // §6: "These two modifiers MUST NOT appear in a record more than once each."
    if (mods(name).length > 1) return { ok: false, error: `the ${name} modifier appears more than once (RFC 7208 §6)`, term: mods(name)[1]!.raw };
  }
  const mechanisms = terms.filter((t): t is Mechanism => t.kind === "mechanism");
  return {
    ok: true,
    record: { terms, mechanisms, redirect: mods("redirect")[0] ?? null, exp: mods("exp")[0] ?? null, hasAll: mechanisms.some((m) => m.name === "all") },
  };
}

function parseTerm(raw: string): Term | { error: string } {
  // §3.1 and §12: records are 7-bit ASCII, terms are visible characters.
  const bad = /[^\x21-\x7e]/.exec(raw);
  if (bad) return { error: `the term contains ${describe(bad[0])}: SPF records are printable US-ASCII separated by spaces (RFC 7208 §3.1, §4.6.1)` };
  // §12: modifier = name "=" macro-string, name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ).
  const mod = /^([A-Za-z][A-Za-z0-9\-_.]*)=(.*)$/.exec(raw);
  if (mod) return parseModifier(raw, mod[1]!.toLowerCase(), mod[2]!);
  const mech = /^([+\-~?]?)([A-Za-z][A-Za-z0-9]*)(.*)$/.exec(raw);
  if (!mech) return { error: "neither a mechanism nor a modifier (RFC 7208 §4.6.1)" };
  const qualifier = (mech[1] || "+") as Qualifier;
  return parseMechanism(raw, qualifier, mech[2]!.toLowerCase(), mech[3]!);
}

function parseModifier(raw: string, name: string, value: string): Modifier | { error: string } {
  const known = name === "redirect" || name === "exp";
  const parsed = parseMacroString(value, known ? "domain" : "modifier");
  if (!parsed.ok) return { error: `${name}=: ${parsed.error}` };
  if (known) {
    // §6.1, §6.2: redirect and exp take a domain-spec, which cannot be empty.
    const problem = domainSpecProblem(parsed.tokens);
    if (problem) return { error: `${name}=: ${problem}` };
  }
  return { kind: "modifier", raw, name, value: parsed.tokens };
}

function parseMechanism(raw: string, qualifier: Qualifier, name: string, rest: string): Mechanism | { error: string } {
  const base = { kind: "mechanism" as const, raw, qualifier, domainSpec: null, network: null, cidr4: null, cidr6: null };
  switch (name) {
    case "all":
      // §5.1: all = "all", nothing after it.
      return rest === "" ? { ...base, name } : { error: `"all" takes no argument (RFC 7208 §5.1)` };
    case "include":
    case "exists": {
      // §5.2, §5.7: ":" domain-spec is required and there is no CIDR length.
      if (!rest.startsWith(":")) return { error: `${name} needs ":" and a domain (RFC 7208 §${name === "include" ? "5.2" : "5.7"})` };
      const spec = domainSpec(rest.slice(1), name);
      return "error" in spec ? spec : { ...base, name, domainSpec: spec };
    }
    case "ptr": {
      // §5.5: ptr [ ":" domain-spec ], no CIDR length.
      if (rest === "") return { ...base, name };
      if (!rest.startsWith(":")) return { error: `ptr takes ":" and a domain, nothing else (RFC 7208 §5.5)` };
      const spec = domainSpec(rest.slice(1), name);
      return "error" in spec ? spec : { ...base, name, domainSpec: spec };
    }
    case "a":
    case "mx":
      return parseDualCidr(base, name, rest);
    case "ip4":
    case "ip6":
      return parseIpNetwork(base, name, rest);
    default:
      // §5: an unknown mechanism is a permerror (unlike an unknown modifier, which is ignored).
      return { error: `unknown mechanism "${name}" (RFC 7208 §5)` };
  }
}

/** §5.3, §5.4: "a" / "mx" [ ":" domain-spec ] [ dual-cidr-length ]. */
function parseDualCidr(base: Omit<Mechanism, "name">, name: "a" | "mx", rest: string): Mechanism | { error: string } {
  // The CIDR suffix is taken from the end, so "a:foo:bar/baz.example.com" keeps its "/" in the name.
  const m = /^(.*?)(?:\/(\d+))?(?:\/\/(\d+))?$/s.exec(rest)!;
  const [, spec, c4, c6] = m;
  const cidr4 = c4 === undefined ? null : cidrValue(c4, 32);
  const cidr6 = c6 === undefined ? null : cidrValue(c6, 128);
  if (cidr4 === undefined || cidr6 === undefined) return { error: `${name}: the CIDR length is not valid (RFC 7208 §5.6: 0-32 for IPv4, 0-128 for IPv6, no leading zeros)` };
  if (spec === "") return { ...base, name, cidr4, cidr6 };
  if (!spec!.startsWith(":")) return { error: `${name}: expected ":domain" or a CIDR length, found "${spec!.slice(0, 40)}" (RFC 7208 §5.3, §5.4)` };
  const parsed = domainSpec(spec!.slice(1), name);
  return "error" in parsed ? parsed : { ...base, name, domainSpec: parsed, cidr4, cidr6 };
}

/** §5.6: ip4 ":" ip4-network [ ip4-cidr-length ], ip6 ":" ip6-network [ ip6-cidr-length ]. */
function parseIpNetwork(base: Omit<Mechanism, "name">, name: "ip4" | "ip6", rest: string): Mechanism | { error: string } {
  const m = /^:([^/]+)(?:\/(\d+))?$/.exec(rest);
  if (!m) return { error: `${name} needs ":" and a network, with at most one CIDR length (RFC 7208 §5.6)` };
  // §5.6: ip4-network is a dotted quad without leading zeros; nothing may be left out.
  const qnum = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  const network = name === "ip4"
    ? (new RegExp(`^${qnum}(?:\\.${qnum}){3}$`).test(m[1]!) ? parseIp(m[1]!) : null)
    : (m[1]!.includes(":") ? parseIp(m[1]!) : null);
  // An ip6 network written as ::ffff:a.b.c.d parses as IPv4 and still never matches an IPv4 client (§5).
  const ip = name === "ip6" && network?.version === 4 ? { version: 6 as const, bytes: v4MappedBytes(network.bytes) } : network;
  if (!ip || (name === "ip4" && ip.version !== 4)) return { error: `${name}: "${m[1]!.slice(0, 45)}" is not an ${name === "ip4" ? "IPv4" : "IPv6"} network (RFC 7208 §5.6)` };
  const max = name === "ip4" ? 32 : 128;
  const cidr = m[2] === undefined ? null : cidrValue(m[2], max);
  if (cidr === undefined) return { error: `${name}: the CIDR length is not valid (RFC 7208 §5.6: 0-${max}, no leading zeros)` };
  return { ...base, name, network: ip, cidr4: name === "ip4" ? cidr : null, cidr6: name === "ip6" ? cidr : null };
}

function v4MappedBytes(v4: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  out[10] = 0xff;
  out[11] = 0xff;
  out.set(v4, 12);
  return out;
}

/** §12: ip4-cidr-length = "/" ("0" / %x31-39 0*1DIGIT), likewise for IPv6: no leading zeros, within range. */
function cidrValue(digits: string, max: number): number | undefined {
  if (!/^(0|[1-9]\d{0,2})$/.test(digits)) return undefined;
  const n = Number(digits);
  return n <= max ? n : undefined;
}

function domainSpec(text: string, mechanism: string): MacroToken[] | { error: string } {
  const parsed = parseMacroString(text, "domain");
  if (!parsed.ok) return { error: `${mechanism}: ${parsed.error}` };
  const problem = domainSpecProblem(parsed.tokens);
  return problem ? { error: `${mechanism}: ${problem}` } : parsed.tokens;
}

function describe(ch: string): string {
  const code = ch.codePointAt(0)!;
  const name = code < 0x20 ? "a control character" : code === 0x7f ? "DEL" : "a non-ASCII character";
  return `${name} (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
}
