// MTA-STS for one domain (RFC 8461): the _mta-sts TXT record (§3.1), then the policy over HTTPS
// (§3.3) whenever a v=STSv1 record announces one, then which mx pattern covers each MX host (§4.1).
import { errorOf, lookupOf } from "../evidence-of.js";
import type { MtaStsEvidence } from "../../evidence/mtasts.js";
import type { MxEvidence } from "../../evidence/mx.js";
import type { ProbeContext } from "../context.js";
import { txtRecords } from "../txt.js";
import { fetchPolicy, notFetched } from "./fetch.js";
import { matchingPattern } from "./mx-pattern.js";
import { isStsRecord, parseStsRecord } from "./record.js";

export { mxMatches, matchingPattern, normalizeMxPattern } from "./mx-pattern.js";
export { parsePolicy, MAX_AGE_LIMIT } from "./policy.js";
export { parseStsRecord, isStsRecord } from "./record.js";
export { fetchPolicy, POLICY_BODY_LIMIT, policyUrl } from "./fetch.js";

export async function probeMtaSts(domain: string, ctx: ProbeContext): Promise<MtaStsEvidence> {
  try {
    const answer = await ctx.resolver.query(`_mta-sts.${domain}`, "TXT");
    const records = txtRecords(answer).map((t) => t.text).filter(isStsRecord);
    // RFC 8461 §3.1: unless exactly one record is left, no policy applies.
    const record = records.length === 1 ? parseStsRecord(records[0]!) : null;
    // The policy is fetched even when the record is broken, so the report can say what else is wrong.
    const policy = records.length > 0 ? await fetchPolicy(domain, ctx) : notFetched(domain);
    return { error: null, lookup: lookupOf(answer), records, record, policy, mxMatches: [] };
  } catch (err) {
    return { error: errorOf(err), lookup: null, records: [], record: null, policy: notFetched(domain), mxMatches: [] };
  }
}

/** Each MX host of the domain against the policy's mx patterns; nothing to match without a policy. */
export function withMxMatches(mtaSts: MtaStsEvidence, mx: MxEvidence): MtaStsEvidence {
  const parsed = mtaSts.policy.parsed;
  if (!parsed) return mtaSts;
  return { ...mtaSts, mxMatches: mx.hosts.map((h) => ({ host: h.exchange, pattern: matchingPattern(h.exchange, parsed.mx) })) };
}
