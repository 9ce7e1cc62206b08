// SMTP TLS Reporting (RFC 8460): the _smtp._tls TXT record, parsed.
import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";

/** One reporting URI of rua (RFC 8460 §3: mailto: or https:). */
export const tlsRptUri = z.object({
  uri: z.string(),
  /** The scheme, lower-cased; only mailto and https are defined. */
  scheme: z.string(),
  /** A mailto: with an address or an https: with a host. */
  valid: z.boolean(),
});

export const tlsRptRecord = z.object({
  raw: z.string(),
  /** False when a sender must ignore the record. */
  valid: z.boolean(),
  problems: z.array(z.string()),
  rua: z.array(tlsRptUri),
  /** Fields other than v and rua: allowed, ignored by senders. */
  extensions: z.record(z.string(), z.string()),
});
export type TlsRptRecord = z.infer<typeof tlsRptRecord>;

export const tlsRptEvidence = z.object({
  error: evidenceError.nullable(),
  lookup: dnsLookup.nullable(),
  /** Every TXT record at _smtp._tls.<domain> that begins with v=TLSRPTv1 (RFC 8460 §3 discards others). */
  records: z.array(z.string()),
  /** The record that applies, parsed; null unless there is exactly one. */
  record: tlsRptRecord.nullable(),
});
export type TlsRptEvidence = z.infer<typeof tlsRptEvidence>;
