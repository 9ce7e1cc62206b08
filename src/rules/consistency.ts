// Whether an evidence file agrees with itself. The schema checks each field's shape; it cannot see
// that a domain's key names another domain, or that an MX host a domain names has no evidence at
// all. Both happen when a file is edited, truncated or merged by hand, and both would turn into
// passes: a renamed domain would inherit another's results, and a missing host would take its
// findings (and their failures) with it. So the judge sees each disagreement as `error`,
// EVIDENCE_INCONSISTENT, for the subjects it touches, and every other subject is judged as before.
import type { Evidence } from "../evidence/evidence.js";

export interface Inconsistencies {
  /** Domain key → why its evidence cannot be trusted to be that domain's. */
  domains: Map<string, string>;
  /** MX host key → why its evidence cannot be trusted to be that host's. */
  mxHosts: Map<string, string>;
  /** MX hosts a domain names that have no evidence in the file → the domains naming them. */
  missingHosts: Map<string, string[]>;
}

/** Evidence the run made itself, judged as it is made: nothing to disagree with. */
export const NO_INCONSISTENCIES: Inconsistencies = { domains: new Map(), mxHosts: new Map(), missingHosts: new Map() };

// Sections are read with `?.`: a rule pack's examples and the library's callers judge partial
// evidence, where a missing section is the judge's to report (NOT_COLLECTED), not this check's.
export function inconsistenciesOf(evidence: Evidence): Inconsistencies {
  const domains = new Map<string, string>();
  const mxHosts = new Map<string, string>();
  const missingHosts = new Map<string, string[]>();
  for (const [key, d] of Object.entries(evidence.domains)) {
    const problems: string[] = [];
    if (d.name !== key) problems.push(`it is filed under ${key} but names ${d.name}`);
    // The MX question is asked of the domain itself (RFC 5321 §5.1), so its name is the domain's.
    const asked = d.mx?.lookup?.name.replace(/\.$/, "").toLowerCase();
    if (asked !== undefined && asked !== key) problems.push(`its MX answer is for ${asked}`);
    for (const h of d.mx?.hosts ?? []) {
      const host = evidence.mxHosts?.[h.exchange];
      if (!host) missingHosts.set(h.exchange, [...(missingHosts.get(h.exchange) ?? []), key]);
      else if (Array.isArray(host.domains) && !host.domains.includes(key)) problems.push(`the evidence of its MX host ${h.exchange} was collected for ${host.domains.join(", ") || "no domain"}`);
    }
    if (problems.length > 0) domains.set(key, problems.join("; "));
  }
  for (const [key, h] of Object.entries(evidence.mxHosts ?? {})) {
    if (h.host !== key) mxHosts.set(key, `it is filed under ${key} but names ${h.host}`);
  }
  return { domains, mxHosts, missingHosts };
}

/** One line per disagreement, for the terminal. */
export function inconsistencyLines(i: Inconsistencies): string[] {
  return [
    ...[...i.domains].map(([k, why]) => `domain ${k}: ${why}`),
    ...[...i.mxHosts].map(([k, why]) => `MX host ${k}: ${why}`),
    ...[...i.missingHosts].map(([h, ds]) => `MX host ${h}: named by ${ds.join(", ")}, but the file holds no evidence for it`),
  ];
}
