// Facts about a run that every report states the same way: whom it is about, how DNS was asked,
// and whether it could look at all (findings.assessment).
import type { Evidence } from "../evidence/evidence.js";
import type { FindingsHead } from "./view.js";
import type { TenantEvidence } from "../evidence/tenant.js";

/** "Contoso County Council (<id>), collected live in the global cloud"; what every report says of the tenant. */
export function tenantLine(t: TenantEvidence): string {
  return `${t.organization.displayName ?? "(name unknown)"} (${t.tenantId}), ${t.source === "bundle" ? "from a PowerShell bundle" : "collected live"}${t.cloud ? ` in the ${t.cloud.name} cloud` : ""}`;
}

/** The tenant, or that none was assessed. */
export function tenantText(evidence: Evidence): string {
  return evidence.tenant ? tenantLine(evidence.tenant) : "none assessed: domains only, from the outside";
}

/** "Contoso County Council", or the one domain, or "12 domains". */
export function runTitle(evidence: Evidence): string {
  const name = evidence.tenant?.organization.displayName;
  if (name) return name;
  const domains = Object.keys(evidence.domains);
  return domains.length === 1 ? domains[0]! : `${domains.length} domains`;
}

export function resolverText(findings: FindingsHead): string {
  const v = findings.resolver.validatesDnssec;
  return `${findings.resolver.server} (${v === true ? "validates DNSSEC" : v === false ? "does NOT validate DNSSEC: DNSSEC and DANE results are errors" : "DNSSEC validation unknown"})`;
}

/** The run-level verdict in one sentence. */
export function verdictLine(findings: FindingsHead): string {
  const a = findings.assessment;
  const total = findings.summary.total;
  if (a.complete) return `Complete: every one of the ${total} checks could be assessed.`;
  return `Incomplete: ${a.couldNotAssess} of ${total} checks could not be assessed (${a.causes.length} cause${a.causes.length === 1 ? "" : "s"}). An unknown is not a pass: fix the cause and run again before calling anything clean.`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : /(s|x|sh|ch)$/.test(word) ? "es" : "s"}`;
}
