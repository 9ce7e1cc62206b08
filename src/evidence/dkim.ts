// DKIM public keys as published (RFC 6376 §3.6): the selectors looked up, the CNAME chain each
// follows (Exchange Online publishes its keys behind CNAMEs), each key record parsed, and the key's
// type and size as node:crypto reads it.
import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";

/** The key itself, as node:crypto read it from p=. */
export const dkimPublicKey = z.object({
  /** "rsa" or "ed25519" (RFC 8463). */
  type: z.string(),
  /** RSA modulus length; 256 for Ed25519. */
  bits: z.number().int(),
  /**
   * How p= was encoded: "spki" (SubjectPublicKeyInfo, what verifiers expect for RSA), "pkcs1" (a
   * bare RSAPublicKey, which some verifiers reject) or "raw" (the 32 bytes of RFC 8463 §4).
   */
  encoding: z.enum(["spki", "pkcs1", "raw"]),
});
export type DkimPublicKey = z.infer<typeof dkimPublicKey>;

/** One key record (RFC 6376 §3.6.1). */
export const dkimKey = z.object({
  raw: z.string(),
  /** Known tags as written (tag names are case-sensitive, RFC 6376 §3.2). */
  tags: z.record(z.string(), z.string()),
  /** What makes verifiers reject the key. */
  problems: z.array(z.string()),
  /** What verifiers ignore or treat specially, while still using the key. */
  warnings: z.array(z.string()),
  /** No problems and not revoked: signatures made with it can verify. */
  valid: z.boolean(),
  /** p= is empty: the key has been revoked (RFC 6376 §3.6.1). */
  revoked: z.boolean(),
  /** k= (default "rsa"). */
  keyType: z.string(),
  /** h=, or null when absent (every hash algorithm allowed). */
  hashAlgorithms: z.array(z.string()).nullable(),
  /** s= (default ["*"]). */
  serviceTypes: z.array(z.string()),
  /** t=: "y" (testing), "s" (no subdomains). */
  flags: z.array(z.string()),
  /** Null when revoked or when p= is not a readable key (the reason is in `problems`). */
  publicKey: dkimPublicKey.nullable(),
});
export type DkimKey = z.infer<typeof dkimKey>;

/** The TXT lookup at <selector>._domainkey.<domain>. */
export const dkimSelector = z.object({
  /** "selector1", or "*" for the wildcard check. */
  selector: z.string(),
  /** Why it was looked up: Microsoft 365's defaults, the tenant's DKIM config, --dkim-selector. */
  sources: z.array(z.enum(["default", "tenant", "cli", "wildcard"])),
  name: z.string(),
  error: evidenceError.nullable(),
  lookup: dnsLookup.nullable(),
  /** Names the selector's CNAMEs lead through, first to last (RFC 1034 §3.6.2). */
  cnameChain: z.array(z.string()),
  /** One per TXT record at the end of the chain; empty for NXDOMAIN or NODATA. */
  keys: z.array(dkimKey),
});
export type DkimSelector = z.infer<typeof dkimSelector>;

export const dkimEvidence = z.object({
  error: evidenceError.nullable(),
  selectors: z.array(dkimSelector),
  /**
   * The literal name *._domainkey.<domain>: gov.uk asks domains that send no mail to publish an
   * empty key there ("v=DKIM1; p="), so every selector a forger picks finds a revoked key.
   */
  wildcard: dkimSelector,
});
export type DkimEvidence = z.infer<typeof dkimEvidence>;
