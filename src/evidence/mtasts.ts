// MTA-STS (RFC 8461): the _mta-sts TXT record, the policy fetched over HTTPS, and which pattern of
// the policy's mx lines each of the domain's MX hosts matches.
import { z } from "zod";
import { certificateSummary } from "./certificate.js";
import { dnsLookup, evidenceError } from "./common.js";

/** One _mta-sts TXT record, parsed (RFC 8461 §3.1). */
export const mtaStsRecord = z.object({
  raw: z.string(),
  /** False when a sender must ignore the record (RFC 8461 §3.1: syntactically invalid). */
  valid: z.boolean(),
  /** Why the record is not valid. */
  problems: z.array(z.string()),
  /** The policy id: 1 to 32 letters and digits. Null when missing or malformed. */
  id: z.string().nullable(),
  /** Fields other than v and id: allowed, and ignored by senders. */
  extensions: z.record(z.string(), z.string()),
});
export type MtaStsRecord = z.infer<typeof mtaStsRecord>;

/** The policy file, parsed (RFC 8461 §3.2). */
export const mtaStsPolicy = z.object({
  /** False when a sender must not use the policy. */
  valid: z.boolean(),
  /** Why the policy is not valid. */
  problems: z.array(z.string()),
  /** What a sender ignores but a person should know: unknown keys, repeated keys, blank lines. */
  notes: z.array(z.string()),
  version: z.string().nullable(),
  mode: z.enum(["enforce", "testing", "none"]).nullable(),
  /** Seconds; null when missing or not 0 to 31557600. */
  maxAge: z.number().int().nullable(),
  /** The mx patterns as published (lower-cased, trailing dot removed), in order. */
  mx: z.array(z.string()),
  /** Keys this version of MTA-STS does not define, with their first value. */
  extensions: z.record(z.string(), z.string()),
});
export type MtaStsPolicy = z.infer<typeof mtaStsPolicy>;

/** The certificate the policy host presented (leaf first), kept as proof whether or not it was trusted. */
export const presentedCertificate = certificateSummary.extend({
  /** Leaf first, then its issuers as far as the handshake knew them (sent by the server, or a trusted root), PEM. */
  chainPem: z.array(z.string()),
});
export type PresentedCertificate = z.infer<typeof presentedCertificate>;

/** The HTTPS GET of https://mta-sts.<domain>/.well-known/mta-sts.txt (RFC 8461 §3.3). */
export const mtaStsFetch = z.object({
  /**
   * The fetch could not be assessed: a timeout, a DNS failure for the policy host, a dropped
   * connection. Unknown, never "no policy".
   */
  error: evidenceError.nullable(),
  /** False when there was no v=STSv1 record, so no sender would fetch a policy. */
  attempted: z.boolean(),
  url: z.string(),
  /** The policy host's addresses, from our resolver. */
  addresses: z.array(z.string()),
  /**
   * What the server did that makes the policy unusable to a sender (RFC 8461 §3.3):
   * HTTP_NO_ADDRESS, HTTP_CONNECT_REFUSED, TLS_CERT_INVALID, TLS_HANDSHAKE, HTTP_REDIRECT,
   * HTTP_STATUS, HTTP_CONTENT_TYPE, HTTP_BODY_TOO_LARGE, HTTP_BODY_ENCODING, HTTP_PROTOCOL. Null when the
   * response was usable.
   */
  failure: evidenceError.nullable(),
  certificate: presentedCertificate.nullable(),
  /** TLS version negotiated, e.g. TLSv1.3. */
  tlsVersion: z.string().nullable(),
  response: z
    .object({
      status: z.number().int(),
      contentType: z.string().nullable(),
      /** The Location header of a redirect, which is never followed. */
      location: z.string().nullable(),
      /** Body bytes read (reading stops past the cap). */
      bytesRead: z.number().int(),
    })
    .nullable(),
  /** The policy body as served (only when it was read in full, within the cap). */
  body: z.string().nullable(),
  /** The body parsed; null when no body was read. */
  parsed: mtaStsPolicy.nullable(),
});
export type MtaStsFetch = z.infer<typeof mtaStsFetch>;

export const mtaStsEvidence = z.object({
  /** The _mta-sts TXT lookup failed. */
  error: evidenceError.nullable(),
  lookup: dnsLookup.nullable(),
  /** Every TXT record at _mta-sts.<domain> that begins with v=STSv1 (RFC 8461 §3.1 discards others). */
  records: z.array(z.string()),
  /** The record that applies, parsed; null unless there is exactly one. */
  record: mtaStsRecord.nullable(),
  policy: mtaStsFetch,
  /**
   * Each of the domain's MX hosts and the first policy mx pattern it matches (RFC 8461 §4.1), or
   * null. Empty when there is no parsed policy.
   */
  mxMatches: z.array(z.object({ host: z.string(), pattern: z.string().nullable() })),
});
export type MtaStsEvidence = z.infer<typeof mtaStsEvidence>;
