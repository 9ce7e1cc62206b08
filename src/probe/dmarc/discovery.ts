// From the walk's answers to the record that applies (RFC 9989 §4.10.1) and the organisational
// domain (RFC 9989 §4.10.2). Pure functions of the walk, so every case is a table test.
import type { DmarcRecord, DmarcWalkStep } from "../../evidence/dmarc.js";
import { parseDmarc } from "./record.js";

/** A walk step that returned exactly one DMARC record (RFC 9989 §4.10 steps 2 and 6). */
export interface Found {
  domain: string;
  record: DmarcRecord;
}

/** Steps with exactly one record, longest name first; several records at one name count as none. */
export function foundRecords(walk: DmarcWalkStep[]): Found[] {
  return walk.filter((s) => s.records.length === 1).map((s) => ({ domain: s.domain, record: parseDmarc(s.records[0]!) }));
}

/** "a.b.example.gov" and "gov" give "example.gov". */
export function oneLabelBelow(start: string, ancestor: string): string {
  return start.split(".").slice(-(ancestor.split(".").length + 1)).join(".");
}

/**
 * RFC 9989 §4.10.2, from the longest name to the shortest: a record with psd=n is the
 * organisational domain; a record with psd=y, other than the start's own, makes the name one label
 * below it the organisational domain; otherwise the record with the fewest labels. With no record
 * at all, the start is its own organisational domain.
 */
export function organizationalDomainOf(start: string, found: Found[]): string {
  for (const f of found) {
    if (f.record.psd === "n") return f.domain;
    if (f.record.psd === "y" && f.domain !== start) return oneLabelBelow(start, f.domain);
  }
  return found.length > 0 ? found[found.length - 1]!.domain : start;
}

export interface Inherited {
  source: "organizational" | "psd" | "none";
  from: Found | null;
  organizationalDomain: string;
}

/**
 * RFC 9989 §4.10.1 for a name without a record of its own: the organisational domain's record,
 * else the public suffix domain's (a psd=y record above the start), else none.
 */
export function inheritedRecord(start: string, found: Found[]): Inherited {
  const above = found.filter((f) => f.domain !== start);
  const organizationalDomain = organizationalDomainOf(start, found);
  const org = above.find((f) => f.domain === organizationalDomain);
  if (org) return { source: "organizational", from: org, organizationalDomain };
  const psd = above.find((f) => f.record.psd === "y");
  if (psd) return { source: "psd", from: psd, organizationalDomain };
  return { source: "none", from: null, organizationalDomain };
}

export interface Applicable {
  source: "domain" | Inherited["source"];
  from: Found | null;
}

/**
 * The record that applies to mail from `domain` (RFC 9989 §4.10.1): its own when it has exactly
 * one; none when it has several (RFC 9989 §4.10 step 2; RFC 7489 §6.6.3 step 5); otherwise what it inherits.
 */
export function applicableRecord(domain: string, walk: DmarcWalkStep[]): Applicable {
  const own = walk[0]?.records ?? [];
  if (own.length === 1) return { source: "domain", from: { domain, record: parseDmarc(own[0]!) } };
  if (own.length > 1) return { source: "none", from: null };
  const { source, from } = inheritedRecord(domain, foundRecords(walk));
  return { source, from };
}

/**
 * What a subdomain of `domain` that publishes no record inherits: the walk from it would ask the
 * subdomain (nothing there), then the same names as `domain`'s own walk. (A domain of 8 labels or
 * more has subdomains whose walk skips ahead; for those this is an approximation.)
 */
export function subdomainRecord(domain: string, found: Found[]): Inherited {
  return inheritedRecord(`*.${domain}`, found);
}
