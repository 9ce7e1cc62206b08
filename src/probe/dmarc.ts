// DMARC policy discovery (RFC 7489 §6.6.3): the record at _dmarc.<domain>; when there is none,
// the record at _dmarc.<organizational domain> (Public Suffix List, through tldts).
import { getDomain } from "tldts";
import { errorOf, lookupOf } from "../evidence/common.js";
import type { DmarcEvidence } from "../evidence/dmarc.js";
import type { ProbeContext } from "./context.js";
import { parseDmarc } from "./dmarc-parse.js";
import { txtRecords } from "./txt.js";

const isDmarcRecord = (text: string) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(text);

export function organizationalDomain(domain: string): string | null {
  // allowPrivateDomains: a private suffix (e.g. a hosting provider's) is a boundary too.
  return getDomain(domain, { allowPrivateDomains: true, validHosts: [] }) ?? null;
}

export async function probeDmarc(domain: string, ctx: ProbeContext): Promise<DmarcEvidence> {
  const org = organizationalDomain(domain);
  try {
    const answer = await ctx.resolver.query(`_dmarc.${domain}`, "TXT");
    const records = txtRecords(answer).map((t) => t.text).filter(isDmarcRecord);
    if (records.length > 0 || !org || org === domain) {
      // RFC 7489 §6.6.3 step 2: more than one record means no policy applies.
      const record = records.length === 1 ? parseDmarc(records[0]!) : null;
      return {
        error: null,
        lookup: lookupOf(answer),
        records,
        record,
        source: record ? "domain" : "none",
        organizationalDomain: org,
        appliedPolicy: record?.valid ? record.policy.p : null,
      };
    }
    const orgAnswer = await ctx.resolver.query(`_dmarc.${org}`, "TXT");
    const orgRecords = txtRecords(orgAnswer).map((t) => t.text).filter(isDmarcRecord);
    const record = orgRecords.length === 1 ? parseDmarc(orgRecords[0]!) : null;
    return {
      error: null,
      lookup: lookupOf(orgAnswer),
      records: orgRecords,
      record,
      source: record ? "organizational" : "none",
      organizationalDomain: org,
      // RFC 7489 §6.6.3: a subdomain without its own record gets the organisational domain's sp.
      appliedPolicy: record?.valid ? record.policy.sp : null,
    };
  } catch (err) {
    return { error: errorOf(err), lookup: null, records: [], record: null, source: "none", organizationalDomain: org, appliedPolicy: null };
  }
}
