// Running a pack over evidence: every rule, every subject of its scope, then severity overrides
// and waivers. Rules never touch the network; this is a pure function of evidence, pack and config.
import type { Evidence } from "../evidence/evidence.js";
import { FINDINGS_FORMAT, type Finding, type Findings, SEVERITIES, STATUSES } from "../evidence/findings.js";
import { TOOL } from "../version.js";
import { type ConfigFile } from "./rule-schema.js";
import { assessmentOf } from "./assessment.js";
import { inconsistenciesOf } from "./consistency.js";
import { EMPTY_CONFIG, parametersOf } from "./config.js";
import type { CelInput } from "@bufbuild/cel";
import { toCel } from "./cel.js";
import { judge, type Subject } from "./judge.js";
import { SCOPES } from "./rule-schema.js";
import { policyResults } from "./policy-view.js";
import type { Pack, Rule } from "./pack.js";
import { subjectsFor } from "./subjects.js";
import { applyWaivers } from "./waivers.js";

export function evaluate(pack: Pack, evidence: Evidence, config: ConfigFile = EMPTY_CONFIG, now = new Date()): Findings {
  const params = parametersOf(pack, config);
  const checked = inconsistenciesOf(evidence);
  const rules = [...pack.rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  const byRule = new Map<string, Finding[]>(rules.map((r) => [r.meta.id, []]));
  // Subject by subject, every rule of its scope: each subject's evidence is converted to CEL once
  // and dropped when its rules are done, so neither the CPU nor the memory of a run grows with
  // rules × subjects. What every subject reads (the tenant, the parameters, the MX hosts' evidence)
  // is converted once for the run. Findings keep the rule-by-rule order.
  const shared = new Map<object, CelInput>();
  for (const scope of SCOPES) {
    const mine = rules.filter((r) => r.meta.scope === scope);
    if (mine.length === 0) continue;
    if ((scope === "tenant" || scope === "connector") && evidence.tenant === null) {
      for (const rule of mine) byRule.get(rule.meta.id)!.push({ ...baseOf(rule, config), status: "not_applicable", subject: "tenant", message: "no tenant was assessed in this run", evidence: ["/tenant"], remediation: "" });
      continue;
    }
    const bases = mine.map((rule) => baseOf(rule, config));
    for (const subject of subjectsFor(scope, evidence, params, checked)) {
      const judged = { ...subject, cel: celOf(subject.vars, shared) };
      mine.forEach((rule, i) => byRule.get(rule.meta.id)!.push(findingOf(rule, bases[i]!, judged)));
    }
  }
  const findings: Finding[] = rules.flatMap((r) => byRule.get(r.meta.id)!);
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

function baseOf(rule: Rule, config: ConfigFile) {
  const m = rule.meta;
  return {
    ruleId: m.id,
    title: m.title,
    severity: config.severity[m.id] ?? m.severity,
    control: m.control,
    references: m.references,
    ...(m.crosswalk ? { crosswalk: m.crosswalk } : {}),
  };
}

function findingOf(rule: Rule, base: ReturnType<typeof baseOf>, subject: Subject): Finding {
  const v = judge(rule, subject);
  return {
    ...base, subject: subject.id, status: v.status, message: v.message, evidence: v.evidence, remediation: v.remediation,
    ...(v.cause ? { cause: v.cause } : {}),
  };
}

// Variables every subject of a run shares, or whose values many subjects share (each MX host's
// evidence is read by every domain naming it), go through the run's cache; the subject's own
// evidence is converted fresh.
const SHARED = new Set(["params", "resolver", "tenant"]);

function celOf(vars: Record<string, unknown>, shared: Map<object, CelInput>): Record<string, CelInput> {
  const out: Record<string, CelInput> = {};
  for (const [k, v] of Object.entries(vars)) {
    // A domain's mxHosts is made for it (its hosts only); the hosts' evidence in it is shared.
    if (k === "mxHosts" && v !== null && typeof v === "object") {
      out[k] = new Map(Object.entries(v).map(([host, e]) => [host, toCel(e, shared)]));
    } else {
      out[k] = toCel(v, SHARED.has(k) ? shared : undefined);
    }
  }
  return out;
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
