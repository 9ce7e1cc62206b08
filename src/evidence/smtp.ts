// What the SMTP probe saw at each address of an MX host on port 25: the greeting, EHLO, STARTTLS
// (RFC 3207) and the TLS session, with the presented chain kept as PEM beside what was judged of it.
import { z } from "zod";
import { certificateSummary } from "./certificate.js";
import { evidenceError } from "./common.js";

/** One certificate check: passed, or the OpenSSL / Node error code and message. */
export const certificateCheck = z.object({
  valid: z.boolean(),
  error: evidenceError.nullable(),
});

export const smtpTls = z.object({
  /** As OpenSSL names it: TLSv1.3, TLSv1.2, TLSv1.1, TLSv1. */
  version: z.string(),
  /** OpenSSL cipher name, e.g. TLS_AES_256_GCM_SHA384. */
  cipher: z.string(),
  /**
   * Leaf first, PEM: the presented certificates in issuer order, plus the trusted root when the
   * trust store held it (Node adds it). The DANE section keeps the chain exactly as presented.
   */
  chainPem: z.array(z.string()),
  /** The leaf, for people: subject, issuer, subjectAltName DNS names, validity, SHA-256 fingerprint. */
  leaf: certificateSummary,
  /** Chains to a trusted root (the system's plus --ca-file), every certificate in date. */
  webpki: certificateCheck,
  /** The leaf names the MX host (RFC 6125 through tls.checkServerIdentity). */
  nameMatch: certificateCheck,
});
export type SmtpTls = z.infer<typeof smtpTls>;

/** A second handshake offering only TLS 1.0 and 1.1: does the server still accept them? */
export const smtpLegacyTls = z.object({
  /** True: a TLS < 1.2 session was established; false: refused; null: could not be found out. */
  accepted: z.boolean().nullable(),
  version: z.string().nullable(),
  error: evidenceError.nullable(),
});

export const smtpConnection = z.object({
  /** The address from our resolver. */
  address: z.string(),
  /**
   * Why the session stopped before TLS was established: SMTP_CONNECT (refused, unreachable),
   * SMTP_TIMEOUT, SMTP_PROTOCOL (a reply that is not SMTP, or too long), SMTP_REJECTED (554
   * greeting, EHLO refused), SMTP_NO_STARTTLS, SMTP_STARTTLS_REFUSED, TLS_HANDSHAKE. Null when
   * TLS was established (certificate problems are in tls.webpki / tls.nameMatch, not here).
   */
  error: evidenceError.nullable(),
  /** The greeting, every line of it. */
  banner: z.array(z.string()),
  /** EHLO keywords (the lines after the first), upper-cased. */
  ehlo: z.array(z.string()),
  /** Whether EHLO advertised STARTTLS; null when the session never got that far. */
  starttlsOffered: z.boolean().nullable(),
  tls: smtpTls.nullable(),
  /** Null when no legacy check was made (no STARTTLS). */
  legacyTls: smtpLegacyTls.nullable(),
  durationMs: z.number(),
});
export type SmtpConnection = z.infer<typeof smtpConnection>;

export const smtpEvidence = z.object({
  /** The host could not be probed at all: no addresses (or their lookup failed). */
  error: evidenceError.nullable(),
  port: z.number().int(),
  /** One per address, in the order the resolver gave them. */
  connections: z.array(smtpConnection),
  /**
   * Some addresses are unknown (their lookup failed while the other family answered), so there may
   * be connections missing: a verdict "at every address" cannot pass (src/rules/judge.ts).
   */
  incomplete: evidenceError.nullable().optional(),
});
export type SmtpEvidence = z.infer<typeof smtpEvidence>;
