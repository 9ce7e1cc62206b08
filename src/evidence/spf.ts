import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";

/** The SPF record(s) published at the domain (RFC 7208 §4.5: TXT records that begin "v=spf1"). */
export const spfEvidence = z.object({
  error: evidenceError.nullable(),
  lookup: dnsLookup.nullable(),
  /** Each v=spf1 record, its character-strings concatenated (RFC 7208 §3.3). */
  records: z.array(z.string()),
  /** Each v=spf1 record's character-strings as published, for the size rules. */
  strings: z.array(z.array(z.string())),
});
export type SpfEvidence = z.infer<typeof spfEvidence>;
