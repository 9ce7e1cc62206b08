// The DNS Tree Walk (RFC 9989 §4.10, DMARCbis): _dmarc.<domain>, then each parent up to the top
// label, with at most eight queries whatever the domain's length.
import type { DnsAnswer, Resolver } from "../../dns/types.js";
import { errorOf, lookupOf } from "../evidence-of.js";
import type { DmarcWalkStep } from "../../evidence/dmarc.js";
import { txtRecords } from "../txt.js";
import { parseDmarc } from "./record.js";

/**
 * RFC 9989 §4.10 steps 2 and 6 keep the records that begin with a v tag naming DMARC1. The value's
 * case is judged by the parser (which reports "v=dmarc1" as invalid) rather than hidden here.
 */
export const isDmarcRecord = (text: string) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(text);

export const dmarcRecordsOf = (answer: DnsAnswer) => txtRecords(answer).map((t) => t.text).filter(isDmarcRecord);

/**
 * The names the walk asks, in order. RFC 9989 §4.10 step 4: below 8 labels drop one label at a
 * time; from 8 labels on, jump straight to the last 7, so no walk takes more than 8 queries.
 */
export function walkTargets(domain: string): string[] {
  const labels = domain.split(".");
  const targets = [domain];
  for (let rest = labels.length >= 8 ? labels.slice(-7) : labels.slice(1); rest.length > 0; rest = rest.slice(1)) {
    targets.push(rest.join("."));
  }
  return targets;
}

/** The psd tag of the one record at a step, when it would stop the walk (steps 2 and 6). */
function stopsWalk(records: string[]): boolean {
  if (records.length !== 1) return false;
  const r = parseDmarc(records[0]!);
  return r.psd === "y" || r.psd === "n";
}

/**
 * Asks each target in turn. The walk stops at a single record with psd=y or psd=n (steps 2 and 6),
 * at the top label, or at the first DNS error: after an error the organisational domain cannot be
 * told, and that step's error says why.
 */
export async function treeWalk(domain: string, resolver: Resolver): Promise<DmarcWalkStep[]> {
  const steps: DmarcWalkStep[] = [];
  for (const target of walkTargets(domain)) {
    try {
      const answer = await resolver.query(`_dmarc.${target}`, "TXT");
      const records = dmarcRecordsOf(answer);
      steps.push({ domain: target, error: null, lookup: lookupOf(answer), records });
      if (stopsWalk(records)) break;
    } catch (err) {
      steps.push({ domain: target, error: errorOf(err), lookup: null, records: [] });
      break;
    }
  }
  return steps;
}
