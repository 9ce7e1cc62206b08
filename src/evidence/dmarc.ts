import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";

export const dmarcRecord = z.object({
  raw: z.string(),
  /** Tag names lower-cased, values trimmed (RFC 7489 §6.4). */
  tags: z.record(z.string(), z.string()),
  /** Problems found while parsing: a record with problems is not a valid DMARC record. */
  problems: z.array(z.string()),
  valid: z.boolean(),
  /** p, sp and np after defaults (RFC 7489 §6.3: sp defaults to p; DMARCbis: np defaults to sp). */
  policy: z.object({
    p: z.enum(["none", "quarantine", "reject"]).nullable(),
    sp: z.enum(["none", "quarantine", "reject"]).nullable(),
    np: z.enum(["none", "quarantine", "reject"]).nullable(),
    /** pct (RFC 7489; 100 when absent). */
    pct: z.number(),
    /** t=y (DMARCbis testing mode). */
    testing: z.boolean(),
  }),
});
export type DmarcRecord = z.infer<typeof dmarcRecord>;

/** DMARC policy discovery (RFC 7489 §6.6.3): _dmarc.<domain>, then the organisational domain. */
export const dmarcEvidence = z.object({
  error: evidenceError.nullable(),
  lookup: dnsLookup.nullable(),
  /** Every TXT record at _dmarc.<domain> that begins with v=DMARC1. */
  records: z.array(z.string()),
  /** The one record that applies, parsed; null when there is none or more than one. */
  record: dmarcRecord.nullable(),
  /** Where `record` came from. */
  source: z.enum(["domain", "organizational", "none"]),
  organizationalDomain: z.string().nullable(),
  /**
   * The policy a receiver applies to mail from this domain: p from its own record, sp when the
   * record was inherited from the organisational domain (RFC 7489 §6.6.3). Null without a valid record.
   */
  appliedPolicy: z.enum(["none", "quarantine", "reject"]).nullable(),
});
export type DmarcEvidence = z.infer<typeof dmarcEvidence>;
