// SMTP TLS Reporting (RFC 8460 §3): the TXT record at _smtp._tls.<domain>.
import { errorOf, lookupOf } from "./evidence-of.js";
import type { TlsRptEvidence } from "../evidence/tlsrpt.js";
import type { ProbeContext } from "./context.js";
import { isTlsRptRecord, parseTlsRpt } from "./tlsrpt-parse.js";
import { txtRecords } from "./txt.js";

export async function probeTlsRpt(domain: string, ctx: ProbeContext): Promise<TlsRptEvidence> {
  try {
    const answer = await ctx.resolver.query(`_smtp._tls.${domain}`, "TXT");
    const records = txtRecords(answer).map((t) => t.text).filter(isTlsRptRecord);
    // RFC 8460 §3: if the number of records left is not one, the domain does not implement TLS-RPT.
    const record = records.length === 1 ? parseTlsRpt(records[0]!) : null;
    return { error: null, lookup: lookupOf(answer), records, record };
  } catch (err) {
    return { error: errorOf(err), lookup: null, records: [], record: null };
  }
}
