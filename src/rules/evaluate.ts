// Running a pack over evidence: every rule, every subject of its scope, then severity overrides
// and waivers. Rules never touch the network; this is a pure function of evidence, pack and config.
import type { Evidence } from "../evidence/evidence.js";
import { FINDINGS_FORMAT, type Finding, type Findings, SEVERITIES, STATUSES } from "../evidence/findings.js";
import { TOOL } from "../version.js";
import { type ConfigFile } from "./rule-schema.js";
import { assessmentOf } from "./assessment.js";
import { type Inconsistencies, inconsistenciesOf } from "./consistency.js";
import { EMPTY_CONFIG, parametersOf } from "./config.js";
import { judge } from "./judge.js";
import { policyResults } from "./policy-view.js";
import type { Pack, Rule } from "./pack.js";
import { subjectsFor } from "./subjects.js";
import { applyWaivers } from "./waivers.js";

export function evaluate(pack: Pack, evidence: Evidence, config: ConfigFile = EMPTY_CONFIG, now = new Date()): Findings {
  const params = parametersOf(pack, config);
  const checked = inconsistenciesOf(evidence);
  const findings: Finding[] = [];
  for (const rule of [...pack.rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    findings.push(...findingsOf(rule, evidence, params, config, checked));
  }
  const notes = applyWaivers(findings, config.waivers, now);
  return {
    format: FINDINGS_FORMAT,
    tool: TOOL,
    pack: { name: pack.meta.name, version: pack.meta.version },
    generatedAt: now.toISOString(),
    evidenceCollectedAt: evidence.collectedAt,
    resolver: { spec: evidence.resolver.spec, server: evidence.resolver.server, validatesDnssec: evidence.resolver.validatesDnssec },
    summary: summarize(findings),
    assessment: assessmentOf(findings),
    notes,
    policies: policyResults(pack.policies ?? [], {
      findings,
      tenantRuleIds: new Set(pack.rules.filter((r) => r.meta.scope === "tenant" || r.meta.scope === "connector").map((r) => r.meta.id)),
      tenantCollected: evidence.tenant !== null,
    }),
    findings,
  };
}

function findingsOf(rule: Rule, evidence: Evidence, params: Record<string, unknown>, config: ConfigFile, checked: Inconsistencies): Finding[] {
  const m = rule.meta;
  const base = {
    ruleId: m.id,
    title: m.title,
    severity: config.severity[m.id] ?? m.severity,
    control: m.control,
    references: m.references,
    ...(m.crosswalk ? { crosswalk: m.crosswalk } : {}),
  };
  if ((m.scope === "tenant" || m.scope === "connector") && evidence.tenant === null) {
    return [{ ...base, status: "not_applicable", subject: "tenant", message: "no tenant was assessed in this run", evidence: ["/tenant"], remediation: "" }];
  }
  return subjectsFor(m.scope, evidence, params, checked).map((subject) => {
    const v = judge(rule, subject);
    return {
      ...base, subject: subject.id, status: v.status, message: v.message, evidence: v.evidence, remediation: v.remediation,
      ...(v.cause ? { cause: v.cause } : {}),
    };
  });
}

export function summarize(findings: Finding[]): Findings["summary"] {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Findings["summary"]["byStatus"];
  const openBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Findings["summary"]["openBySeverity"];
  for (const f of findings) {
    byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
    if (f.status === "fail" || f.status === "warn") openBySeverity[f.severity] = (openBySeverity[f.severity] ?? 0) + 1;
  }
  return { total: findings.length, byStatus, openBySeverity };
}
