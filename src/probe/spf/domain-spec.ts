// Domain names in SPF: the syntax of a domain-spec (RFC 7208 §7.1), the name a query is made for
// after macro expansion (§7.3, §4.8), and the <domain> check_host() starts from (§4.3).
import { domainToASCII } from "node:url";
import type { MacroToken } from "./macro.js";

/**
 * RFC 7208 §7.1: domain-end = ( "." toplabel [ "." ] ) / macro-expand, and
 * toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum ).
 * A greedy match, so "xn--zckzah" is one toplabel.
 */
const DOMAIN_END = /\.(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])\.?$/;

/** Syntax is checked before expansion: "It is not correct to check syntax after macro expansion." */
export function domainSpecProblem(tokens: MacroToken[]): string | null {
  const last = tokens[tokens.length - 1];
  if (!last) return "the domain-spec is empty (RFC 7208 §7.1)";
  if (last.kind !== "literal") return null;
  if (DOMAIN_END.test(last.text)) return null;
  return `"${last.text.slice(-40)}" does not end in a valid top-level label (RFC 7208 §7.1: an all-numeric or dash-led label, a port or a CIDR suffix are not names)`;
}

export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

/**
 * The name a query is made for. §7.3: a name longer than 253 characters loses labels from the left
 * until it fits; a trailing dot is dropped (§7.3 ignores it for domains). A name with an empty label
 * or a label over 63 octets cannot be asked (RFC 1035 §2.3.4): the caller treats it as not existing.
 */
export function targetName(expanded: string): NameCheck {
  let name = expanded.endsWith(".") ? expanded.slice(0, -1) : expanded;
  while (Buffer.byteLength(name) > 253) {
    const dot = name.indexOf(".");
    if (dot < 0) return { ok: false, reason: "the name is longer than 253 octets" };
    name = name.slice(dot + 1);
  }
  return labelsProblem(name) ?? { ok: true, name: name.toLowerCase() };
}

/**
 * RFC 7208 §4.3: check_host() returns "none" at once when <domain> is malformed (an empty label, a
 * label over 63 octets, not a multi-label name) — a domain literal such as "[192.0.2.1]" included.
 */
export function initialDomain(domain: string): NameCheck {
  let name = domain.trim().replace(/\.$/, "");
  if (name.startsWith("[")) return { ok: false, reason: `${domain} is an address literal, not a domain (RFC 7208 §4.3)` };
  if (/[^\x21-\x7e]/.test(name)) {
    // An internationalised name is asked for in its A-label form (RFC 5890).
    const ascii = domainToASCII(name);
    if (!ascii) return { ok: false, reason: `${domain} is not a valid domain name (RFC 7208 §4.3)` };
    name = ascii;
  }
  const problem = labelsProblem(name);
  if (problem) return { ok: false, reason: `${problem.reason} (RFC 7208 §4.3)` };
  if (!name.includes(".")) return { ok: false, reason: `${domain} is not a multi-label domain name (RFC 7208 §4.3)` };
  return { ok: true, name: name.toLowerCase() };
}

function labelsProblem(name: string): { ok: false; reason: string } | null {
  if (name === "") return { ok: false, reason: "the name is empty" };
  const labels = name.split(".");
  if (labels.some((l) => l === "")) return { ok: false, reason: `${name.slice(0, 80)} has an empty label` };
  const long = labels.find((l) => Buffer.byteLength(l) > 63);
  if (long) return { ok: false, reason: `${name.slice(0, 80)} has a label longer than 63 octets` };
  if (Buffer.byteLength(name) > 253) return { ok: false, reason: `${name.slice(0, 80)}… is longer than 253 octets` };
  return null;
}
