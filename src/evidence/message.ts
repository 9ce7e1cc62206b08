// A sample message given with --message: its DKIM signatures (RFC 6376) and ARC chain (RFC 8617)
// verified with keys from the run's resolver, who sealed it last, and what that sealer recorded in
// ARC-Authentication-Results. Keyed by file in evidence.messages.
import { z } from "zod";
import { evidenceError } from "./common.js";
import { errorCode } from "./errors.js";

/** RFC 8601 §2.7 result words, plus what a verifier reports of its own (policy, temperror …). */
export const dkimSignature = z.object({
  /** d= */
  domain: z.string().nullable(),
  /** s= */
  selector: z.string().nullable(),
  /** a= */
  algorithm: z.string().nullable(),
  result: z.string(),
  /** Why, in the verifier's words ("body hash did not verify", "no key" …). */
  comment: z.string().nullable(),
});

/** One ARC set's seal (RFC 8617 §4.1.3). */
export const arcSeal = z.object({
  instance: z.number().int(),
  /** d= of the ARC-Seal: the sealer. */
  domain: z.string().nullable(),
  selector: z.string().nullable(),
  /** cv= (none | pass | fail). */
  cv: z.string().nullable(),
});

/** The RFC 8601 method results of one ARC-Authentication-Results header. */
export const arcAuthenticationResults = z.object({
  instance: z.number().int(),
  raw: z.string(),
  authservId: z.string().nullable(),
  /** method → results, e.g. { spf: ["pass"], dkim: ["fail", "pass"], dmarc: ["pass"] }. */
  results: z.record(z.string(), z.array(z.string())),
});

export const messageArc = z.object({
  /** A key lookup failed (timeout, SERVFAIL …): the chain's result is unknown, not fail. */
  error: evidenceError.nullable(),
  /** RFC 8617 §5.2 chain validation: none (no ARC sets), pass or fail. */
  result: z.enum(["none", "pass", "fail"]),
  comment: z.string().nullable(),
  /** Number of ARC sets. */
  instances: z.number().int(),
  /** d= of the highest ARC-Seal: the last intermediary, normally the gateway in front of Exchange Online. */
  sealer: z.string().nullable(),
  seals: z.array(arcSeal),
  /** The highest set's ARC-Authentication-Results: what the sealer saw when the message reached it. */
  authenticationResults: arcAuthenticationResults.nullable(),
});

const internetSender = z.object({
  /** The header's value as received. */
  raw: z.string(),
  /** ip=[…]: the address Exchange Online took as the true source. */
  ip: z.string().nullable(),
  domain: z.string().nullable(),
});

/**
 * What Exchange Online recorded when it received the message (src/probe/arc/exchange-online.ts):
 * Enhanced Filtering for Connectors' headers and its own Authentication-Results.
 */
export const messageExchangeOnline = z.object({
  /** Exchange Online received it: its Authentication-Results ("sender IP is …") or X-MS-Exchange-* fields. */
  received: z.boolean(),
  /** X-MS-Exchange-SkipListedInternetSender: skip listing worked on the connector. */
  skipListedInternetSender: internetSender.nullable(),
  /** X-MS-Exchange-ExternalOriginalInternetSender: Enhanced Filtering applied to this recipient. */
  externalOriginalInternetSender: internetSender.nullable(),
  /** spf= of Exchange Online's Authentication-Results. */
  spfResult: z.string().nullable(),
  /** "(sender IP is …)": the address SPF was judged against. */
  spfSenderIp: z.string().nullable(),
  authenticationResults: z.string().nullable(),
});
export type MessageExchangeOnline = z.infer<typeof messageExchangeOnline>;

/** What a message says of Exchange Online when nothing shows it received it. */
export const NOT_RECEIVED: MessageExchangeOnline = { received: false, skipListedInternetSender: null, externalOriginalInternetSender: null, spfResult: null, spfSenderIp: null, authenticationResults: null };

export const messageEvidence = z.object({
  /** The file could not be read or is not a message. */
  error: evidenceError.nullable(),
  file: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  from: z.string().nullable(),
  subject: z.string().nullable(),
  messageId: z.string().nullable(),
  dkim: z.object({ error: evidenceError.nullable(), signatures: z.array(dkimSignature) }),
  arc: messageArc,
  /** Evidence files written before this field read as "not received by Exchange Online". */
  exchangeOnline: messageExchangeOnline.default(NOT_RECEIVED),
  /** Every DNS question the verification asked that failed (NXDOMAIN and NODATA are answers, not failures). */
  dnsErrors: z.array(z.object({ name: z.string(), type: z.string(), code: errorCode, message: z.string() })),
});
export type MessageEvidence = z.infer<typeof messageEvidence>;
