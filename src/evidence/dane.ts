// DANE for SMTP (RFC 7672): the MX host's TLSA records at _25._tcp.<host>, whether a sender may
// use them (DNSSEC-secure, usable usages), and whether the chain each address presents over
// STARTTLS matches them. The chain is kept as PEM, as proof beside the verdict.
import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";

export const tlsaRecordEvidence = z.object({
  usage: z.number().int(),
  selector: z.number().int(),
  matchingType: z.number().int(),
  /** Association data, lower-case hex. */
  data: z.string(),
  /** Presentation form: "3 1 1 ab…". */
  text: z.string(),
  usable: z.boolean(),
  /** Why a record is unusable (usage 0/1, unknown fields, wrong digest length). */
  reason: z.string().nullable(),
  /** Addresses whose presented chain this record alone authenticates (empty unless DANE applies). */
  matchedAt: z.array(z.string()),
});
export type TlsaRecordEvidence = z.infer<typeof tlsaRecordEvidence>;

export const daneAddressMatch = z.object({
  address: z.string(),
  /** The session could not be assessed: SMTP_CONNECT, SMTP_TIMEOUT, SMTP_PROTOCOL. */
  error: evidenceError.nullable(),
  /**
   * Why a DANE sender would refuse this server, apart from the certificate: SMTP_NO_STARTTLS,
   * SMTP_STARTTLS_REFUSED, TLS_HANDSHAKE (RFC 7672 §2.2: TLS is mandatory once TLSA is usable).
   */
  failure: evidenceError.nullable(),
  /** The chain exactly as presented (no certificate added from any trust store), leaf first. */
  chainPem: z.array(z.string()),
  tlsVersion: z.string().nullable(),
  verified: z.boolean(),
  matchedBy: z.object({ record: z.string(), depth: z.number().int() }).nullable(),
  problems: z.array(z.string()),
});
export type DaneAddressMatch = z.infer<typeof daneAddressMatch>;

export const daneEvidence = z.object({
  /** The TLSA lookup failed (bogus, SERVFAIL, timeout): a sender defers mail (RFC 7672 §2.2.3). */
  error: evidenceError.nullable(),
  /** RFC 7672 §2.2.3: the MX host name, or its CNAME expansion when that is secure. */
  baseDomain: z.string(),
  /** The TLSA lookups made, in order (the expanded name first, then the MX host name). */
  lookups: z.array(dnsLookup),
  /** The host's address records and its TLSA RRset (or its denial) were all DNSSEC-secure. */
  secure: z.boolean().nullable(),
  records: z.array(tlsaRecordEvidence),
  /**
   * Whether a sender applies DANE: `dane` (secure and at least one usable record), `no-tlsa`,
   * `insecure`, `unusable` (records exist, none usable: TLS mandatory, unauthenticated).
   */
  state: z.enum(["dane", "no-tlsa", "insecure", "unusable"]).nullable(),
  /** One per address; empty unless state is dane. */
  matches: z.array(daneAddressMatch),
});
export type DaneEvidence = z.infer<typeof daneEvidence>;
