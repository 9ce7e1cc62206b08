// DNS answers and thrown values as evidence: the probe side of src/evidence/common.ts, which
// defines the shapes but knows nothing of the DNS client that fills them.
import { DnsError } from "../dns/errors.js";
import type { DnsAnswer } from "../dns/types.js";
import type { DnsLookup, EvidenceError } from "../evidence/common.js";
import { thrownError } from "../evidence/thrown.js";

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
  return thrownError(err);
}
