// Pieces every evidence section shares: the error a probe records instead of a fact, and the raw
// DNS answer kept as proof beside what was parsed from it.
import { z } from "zod";
import { errorCode } from "./errors.js";

/** A stable code from the catalogue (DNS_TIMEOUT, HTTP_REDIRECT, EXO_FORBIDDEN …) and a message for people. */
export const evidenceError = z.object({
  code: errorCode,
  message: z.string(),
});
export type EvidenceError = z.infer<typeof evidenceError>;

/** One DNS question and what came back, in presentation form. */
export const dnsLookup = z.object({
  name: z.string(),
  type: z.string(),
  status: z.enum(["answer", "nodata", "nxdomain"]),
  ad: z.boolean(),
  records: z.array(z.string()),
  cnameChain: z.array(z.string()),
  ede: z.array(z.object({ code: z.number().int(), text: z.string().optional() })),
});
export type DnsLookup = z.infer<typeof dnsLookup>;
