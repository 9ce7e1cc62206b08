// Pieces every evidence section shares: the error a probe records instead of a fact, and the raw
// DNS answer kept as proof beside what was parsed from it.
import { z } from "zod";
import type { DnsAnswer } from "../dns/types.js";
import { DnsError } from "../dns/errors.js";

/** A stable code (DNS_TIMEOUT, HTTP_REDIRECT, EXO_FORBIDDEN …) and a message for people. */
export const evidenceError = z.object({
  code: z.string().min(1),
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

export function lookupOf(answer: DnsAnswer): DnsLookup {
  return {
    name: answer.name,
    type: answer.type,
    status: answer.status,
    ad: answer.ad,
    records: answer.records.map((r) => r.text),
    cnameChain: answer.cnameChain,
    ede: answer.ede,
  };
}

/** Any thrown value as evidence; DnsError keeps its code and Extended DNS Errors in the message. */
export function errorOf(err: unknown): EvidenceError {
  if (err instanceof DnsError) {
    const ede = err.ede.length > 0 ? ` [${err.ede.map((e) => `EDE ${e.code}${e.text ? ` ${e.text}` : ""}`).join("; ")}]` : "";
    return { code: err.code, message: `${err.query.name} ${err.query.type}: ${err.message}${ede}` };
  }
  const e = err as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === "string" ? e.code : "INTERNAL",
    message: typeof e?.message === "string" ? e.message : String(err),
  };
}
