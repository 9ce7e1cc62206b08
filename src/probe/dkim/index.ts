// DKIM for one domain: each planned selector's key (following CNAMEs, as Exchange Online publishes
// them), and the wildcard *._domainkey name that a domain sending no mail fills with an empty key.
import type { Resolver } from "../../dns/types.js";
import type { DkimEvidence, DkimSelector } from "../../evidence/dkim.js";
import { errorOf, lookupOf } from "../evidence-of.js";
import type { ProbeContext } from "../context.js";
import { txtRecords } from "../txt.js";
import { parseDkimKey } from "./key-record.js";
import { type SelectorSource, isSelector, plannedSelectors } from "./selectors.js";

export { parseDkimKey } from "./key-record.js";

/**
 * `tenantSelectors`: the selectors of the tenant's DKIM configuration for this domain, when a
 * tenant was collected (the tenant collector passes them; the defaults are asked regardless).
 */
export async function probeDkim(domain: string, ctx: ProbeContext, tenantSelectors: string[] = [], wildcardWanted: Promise<boolean> | boolean = true): Promise<DkimEvidence> {
  const plan = plannedSelectors(tenantSelectors, ctx.dkimSelectors);
  const [selectors, wildcard] = await Promise.all([
    Promise.all(plan.map((p) => lookupSelector(p.selector, p.sources, domain, ctx.resolver))),
    (async () => ((await wildcardWanted) ? lookupSelector("*", ["wildcard"], domain, ctx.resolver) : wildcardNotAsked(domain)))(),
  ]);
  return { error: null, selectors, wildcard };
}

/**
 * Only a parked domain's *._domainkey is read (parked.locked-down: gov.uk asks domains that send no
 * mail for an empty key there), so other domains are not asked: one query a domain saved. Recorded
 * as not checked, so a rule that read it for another domain would say error, never pass.
 */
function wildcardNotAsked(domain: string): DkimSelector {
  return {
    selector: "*", sources: ["wildcard"], name: `*._domainkey.${domain}`, lookup: null, cnameChain: [], keys: [],
    error: { code: "NOT_CHECKED", message: "not asked: only a parked domain's wildcard DKIM key is checked" },
  };
}

async function lookupSelector(selector: string, sources: SelectorSource[], domain: string, resolver: Resolver): Promise<DkimSelector> {
  // RFC 6376 §3.6.2.1: the key lives at <selector>._domainkey.<domain>.
  const name = `${selector}._domainkey.${domain}`;
  const base = { selector, sources, name, lookup: null, cnameChain: [], keys: [] };
  if (selector !== "*" && !isSelector(selector)) {
    return { ...base, error: { code: "DKIM_BAD_SELECTOR", message: `"${selector.slice(0, 80)}" is not a DKIM selector (dot-separated DNS labels, RFC 6376 §3.1)` } };
  }
  try {
    const answer = await resolver.query(name, "TXT");
    // RFC 6376 §3.6.2.2: a record's strings are joined with nothing between them.
    const keys = txtRecords(answer).map((t) => parseDkimKey(t.text));
    return { ...base, error: null, lookup: lookupOf(answer), cnameChain: answer.cnameChain, keys };
  } catch (err) {
    return { ...base, error: errorOf(err) };
  }
}
