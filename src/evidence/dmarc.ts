// DMARC policy discovery as a receiver does it (RFC 7489 §6.6.3, and the DNS Tree Walk of
// DMARCbis, RFC 9989 §4.10), the parsed record, and the external report destinations (RFC 9990, Verifying External Destinations).
import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";

export const dmarcPolicy = z.enum(["none", "quarantine", "reject"]);
export type DmarcPolicy = z.infer<typeof dmarcPolicy>;

/** One URI of rua or ruf (RFC 7489 §6.2, §6.4 dmarc-uri). */
export const reportUri = z.object({
  /** As published, trimmed. */
  raw: z.string(),
  /** Without the "!size" suffix, scheme and domain lower-cased: what rules compare. */
  uri: z.string(),
  /** "mailto", "https" …; null when the URI has none. */
  scheme: z.string().nullable(),
  /** The destination host (RFC 9990, Verifying External Destinations, step 1): a mailto address's domain, or an https host. */
  host: z.string().nullable(),
  /** The size limit after "!" (RFC 7489 §6.2; obsolete in RFC 9989 §4.8), e.g. "10m". */
  size: z.string().nullable(),
  /** Why a receiver cannot use this URI; null when it can. */
  problem: z.string().nullable(),
});
export type ReportUri = z.infer<typeof reportUri>;

export const dmarcRecord = z.object({
  raw: z.string(),
  /** Tag names lower-cased, values trimmed (RFC 9989 §4.8), for known tags only. */
  tags: z.record(z.string(), z.string()),
  /** What makes receivers ignore the record or its policy (v, p, sp, np, duplicate tags …). */
  problems: z.array(z.string()),
  /** What receivers ignore or may read differently, while still using the record (unknown tags …). */
  warnings: z.array(z.string()),
  /** No problems: receivers apply this record. */
  valid: z.boolean(),
  /** p, sp and np after defaults (RFC 7489 §6.3: sp defaults to p; RFC 9989 §4.7: np defaults to sp). */
  policy: z.object({
    p: dmarcPolicy.nullable(),
    sp: dmarcPolicy.nullable(),
    np: dmarcPolicy.nullable(),
    /** pct (RFC 7489 §6.3; 100 when absent; historic since RFC 9989, Appendix A.6). */
    pct: z.number(),
    /**
     * Test mode: receivers apply the policy one level lower (RFC 9989 §4.7). True for t=y, and for
     * pct=0, which RFC 9989 Appendix A.6 makes its equivalent.
     */
    testing: z.boolean(),
  }),
  /** RFC 9989 §4.7: y (a public suffix domain), n (an organisational domain), u (the default). */
  psd: z.enum(["y", "n", "u"]),
  rua: z.array(reportUri),
  ruf: z.array(reportUri),
});
export type DmarcRecord = z.infer<typeof dmarcRecord>;

/** One query of the DNS Tree Walk (RFC 9989 §4.10). */
export const dmarcWalkStep = z.object({
  /** The domain whose _dmarc name was asked. */
  domain: z.string(),
  error: evidenceError.nullable(),
  lookup: dnsLookup.nullable(),
  /** The TXT records there that begin with v=DMARC1. */
  records: z.array(z.string()),
});
export type DmarcWalkStep = z.infer<typeof dmarcWalkStep>;

/** The policy receivers apply to mail from subdomains of this domain that publish no record. */
export const subdomainPolicy = z.object({
  error: evidenceError.nullable(),
  /** The domain whose record gives it (the organisational domain, or the public suffix domain). */
  policyDomain: z.string().nullable(),
  raw: z.string().nullable(),
  /** sp (defaulting to p) for subdomains that exist. */
  existing: dmarcPolicy.nullable(),
  /** np (defaulting to sp) for subdomains that do not exist (RFC 9989 §3.2.13). */
  nonExistent: dmarcPolicy.nullable(),
  /** The record is in test mode (t=y, or pct=0): receivers apply sp and np one level lower (RFC 9989 §4.7). */
  testing: z.boolean(),
});
export type SubdomainPolicy = z.infer<typeof subdomainPolicy>;

/** An outside rua/ruf destination and its authorisation record (RFC 9990, Verifying External Destinations). */
export const reportAuthorization = z.object({
  /** The destination host. */
  destination: z.string(),
  /** The URIs (rua and ruf) that name it. */
  uris: z.array(z.string()),
  /** <policy domain>._report._dmarc.<destination> */
  name: z.string(),
  error: evidenceError.nullable(),
  lookup: dnsLookup.nullable(),
  /** A TXT record beginning v=DMARC1 is there; null when that could not be found out. */
  authorized: z.boolean().nullable(),
});
export type ReportAuthorization = z.infer<typeof reportAuthorization>;

export const dmarcEvidence = z.object({
  error: evidenceError.nullable(),
  /** The answer at _dmarc.<domain>. */
  lookup: dnsLookup.nullable(),
  /** Every TXT record at _dmarc.<domain> itself that begins with v=DMARC1. */
  records: z.array(z.string()),
  /** The record that applies to mail from the domain, parsed; null when none does. */
  record: dmarcRecord.nullable(),
  /** Where `record` came from: the domain's own, its organisational domain's, or its public suffix domain's. */
  source: z.enum(["domain", "organizational", "psd", "none"]),
  /** The domain that published `record`. */
  policyDomain: z.string().nullable(),
  /** RFC 9989 §4.10.2, from the DNS Tree Walk; null when the walk could not finish. */
  organizationalDomain: z.string().nullable(),
  /** RFC 7489 §3.2, from the Public Suffix List. */
  pslOrganizationalDomain: z.string().nullable(),
  /**
   * Where a receiver that still follows RFC 7489 (the domain, then the PSL organisational domain)
   * finds the policy; it can differ from `policyDomain` when records sit between the two.
   */
  rfc7489: z.object({ error: evidenceError.nullable(), policyDomain: z.string().nullable() }),
  /**
   * The policy a receiver applies to mail from this domain: p of its own record; for an inherited
   * record sp, or np when the domain does not exist (RFC 9989 §4.10.1). Null without a valid record.
   */
  appliedPolicy: dmarcPolicy.nullable(),
  /** Whether the domain exists (RFC 9989 §3.2.13); asked only when that decides between sp and np. */
  domainExists: z.boolean().nullable(),
  subdomainPolicy: subdomainPolicy,
  walk: z.array(dmarcWalkStep),
  /** One entry per outside destination of the applied record's rua and ruf. */
  reportAuthorizations: z.array(reportAuthorization),
});
export type DmarcEvidence = z.infer<typeof dmarcEvidence>;
