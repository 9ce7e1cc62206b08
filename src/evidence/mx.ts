import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";

/** The domain's MX RRset (RFC 5321 §5.1), with Null MX (RFC 7505) told apart. */
export const mxEvidence = z.object({
  error: evidenceError.nullable(),
  lookup: dnsLookup.nullable(),
  /** RFC 7505 §3: a single MX with preference 0 and exchange "." — the domain accepts no mail. */
  nullMx: z.boolean(),
  /** Sorted by preference. Empty for NODATA/NXDOMAIN and for Null MX. */
  hosts: z.array(z.object({ preference: z.number().int(), exchange: z.string() })),
});
export type MxEvidence = z.infer<typeof mxEvidence>;
