// DMARC for one domain: the DNS Tree Walk (RFC 9989 §4.10), the record that applies and where it
// came from (§4.10.1), what its subdomains inherit, where an RFC 7489 receiver would look (§6.6.3,
// through the Public Suffix List), and the outside report destinations' authorisation (§7.1).
import type { Resolver } from "../../dns/types.js";
import type { EvidenceError } from "../../evidence/common.js";
import { errorOf } from "../evidence-of.js";
import type { DmarcEvidence, DmarcRecord, DmarcWalkStep, SubdomainPolicy } from "../../evidence/dmarc.js";
import type { ProbeContext } from "../context.js";
import { type Found, type Inherited, applicableRecord, foundRecords, organizationalDomainOf, subdomainRecord } from "./discovery.js";
import { domainExists } from "./existence.js";
import { pslOrganizationalDomain } from "./psl.js";
import { authorizeDestinations } from "./report-auth.js";
import { dmarcRecordsOf, treeWalk } from "./tree-walk.js";

export { parseDmarc } from "./record.js";
export { pslOrganizationalDomain } from "./psl.js";

const noSubdomainPolicy = (error: EvidenceError | null): SubdomainPolicy =>
  ({ error, policyDomain: null, raw: null, existing: null, nonExistent: null, testing: false });

export async function probeDmarc(domain: string, ctx: ProbeContext): Promise<DmarcEvidence> {
  const psl = pslOrganizationalDomain(domain);
  const empty: DmarcEvidence = {
    error: null, lookup: null, records: [], record: null, source: "none", policyDomain: null,
    organizationalDomain: null, pslOrganizationalDomain: psl, rfc7489: { error: null, policyDomain: null },
    appliedPolicy: null, domainExists: null, subdomainPolicy: noSubdomainPolicy(null), walk: [], reportAuthorizations: [],
  };
  try {
    const walk = await treeWalk(domain, ctx.resolver);
    const first = walk[0]!;
    if (first.error) return { ...empty, error: first.error, walk, subdomainPolicy: noSubdomainPolicy(first.error) };
    const walkError = walk.find((s) => s.error)?.error ?? null;
    const own = first.records;
    // Without a record of its own, the policy comes from higher up: an unfinished walk leaves it unknown.
    if (own.length === 0 && walkError) return { ...empty, error: walkError, lookup: first.lookup, walk, subdomainPolicy: noSubdomainPolicy(walkError) };

    const found = foundRecords(walk);
    const applicable = applicableRecord(domain, walk);
    const record = applicable.from?.record ?? null;
    const policyDomain = applicable.from?.domain ?? null;
    // Existence is asked only when it decides between sp and np (RFC 9989 §4.10.1).
    const inherited = applicable.source !== "domain";
    const exists = record?.valid && inherited && record.policy.sp !== record.policy.np ? await domainExists(domain, ctx.resolver) : null;

    return {
      ...empty,
      lookup: first.lookup,
      records: own,
      record,
      source: applicable.source,
      policyDomain,
      organizationalDomain: walkError ? null : organizationalDomainOf(domain, found),
      rfc7489: await rfc7489PolicyDomain(domain, psl, walk, ctx.resolver),
      appliedPolicy: appliedPolicy(record, applicable.source, exists),
      domainExists: exists,
      subdomainPolicy: walkError ? noSubdomainPolicy(walkError) : subdomainPolicyOf(subdomainRecord(domain, found)),
      walk,
      reportAuthorizations: record && policyDomain ? await authorizeDestinations(policyDomain, record, ctx.resolver) : [],
    };
  } catch (err) {
    return { ...empty, error: errorOf(err), subdomainPolicy: noSubdomainPolicy(errorOf(err)) };
  }
}

/** RFC 9989 §4.10.1: p for the domain's own record; sp, or np for a domain that does not exist, for an inherited one. */
function appliedPolicy(record: DmarcRecord | null, source: DmarcEvidence["source"], exists: boolean | null): DmarcEvidence["appliedPolicy"] {
  if (!record?.valid) return null;
  if (source === "domain") return record.policy.p;
  return exists === false ? record.policy.np : record.policy.sp;
}

function subdomainPolicyOf(inherited: Inherited): SubdomainPolicy {
  const from: Found | null = inherited.from;
  if (!from || !from.record.valid) return { ...noSubdomainPolicy(null), policyDomain: from?.domain ?? null, raw: from?.record.raw ?? null };
  const p = from.record.policy;
  return { error: null, policyDomain: from.domain, raw: from.record.raw, existing: p.sp, nonExistent: p.np, testing: p.testing };
}

/**
 * RFC 7489 §6.6.3: the domain's own record, else the one at the PSL organisational domain (no
 * names in between). Read from the walk when it asked that name, otherwise asked here.
 */
async function rfc7489PolicyDomain(domain: string, psl: string | null, walk: DmarcWalkStep[], resolver: Resolver): Promise<DmarcEvidence["rfc7489"]> {
  const own = walk[0]!.records.length;
  if (own > 0) return { error: null, policyDomain: own === 1 ? domain : null };
  if (!psl || psl === domain) return { error: null, policyDomain: null };
  const step = walk.find((s) => s.domain === psl && !s.error);
  try {
    const records = step ? step.records : dmarcRecordsOf(await resolver.query(`_dmarc.${psl}`, "TXT"));
    return { error: null, policyDomain: records.length === 1 ? psl : null };
  } catch (err) {
    return { error: errorOf(err), policyDomain: null };
  }
}
