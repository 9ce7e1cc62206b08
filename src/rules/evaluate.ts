// Running a pack over evidence: every rule, every subject of its scope, then severity overrides
// and waivers. Rules never touch the network; this is a pure function of evidence, pack and config.
import type { Evidence } from "../evidence/evidence.js";
import { assembleFinding, FINDINGS_FORMAT, type Finding, type Findings, SEVERITIES, STATUSES } from "../evidence/findings.js";
import { byCodeUnit, groupBy } from "../group-by.js";
import { TOOL } from "../version.js";
import { type ConfigFile, type RuleFile } from "./rule-schema.js";
import { assessmentOf } from "./assessment.js";
import { type Inconsistencies, inconsistenciesOf } from "./consistency.js";
import { EMPTY_CONFIG, parametersOf } from "./config.js";
import type { CelInput } from "@bufbuild/cel";
import { toCel } from "./cel.js";
import { judge, type Subject } from "./judge.js";
import { SCOPES } from "./rule-schema.js";
import { PolicyTally } from "./policy-view.js";
import type { Pack, Rule } from "./pack.js";
import { subjectsFor } from "./subjects.js";
import { WaiverBook } from "./waivers.js";

export function evaluate(pack: Pack, evidence: Evidence, config: ConfigFile = EMPTY_CONFIG, now = new Date()): Findings {
  const run = startEvaluation(pack, config, now, evidence.tenant !== null);
  const checked = inconsistenciesOf(evidence);
  const findings: Finding[] = [];
  for (const fs of bySubject(SCOPES.flatMap((scope) => run.judgeScope(scope, evidence, checked))).values()) {
    run.record(fs);
    findings.push(...fs);
  }
  return { ...run.head(evidence), findings };
}

/**
 * Findings in the order every report reads them (src/report/view.ts): subject by subject in name
 * order, each subject's in rule order; each subject's are what `Evaluation.record` takes at once.
 */
export function bySubject(findings: Iterable<Finding>): Map<string, Finding[]> {
  const groups = groupBy(findings, (f) => f.subject);
  const out = new Map<string, Finding[]>();
  for (const subject of [...groups.keys()].sort(byCodeUnit)) out.set(subject, groups.get(subject)!.sort((a, b) => a.ruleId.localeCompare(b.ruleId)));
  return out;
}

/**
 * One run's evaluation, a subject at a time: judge the subjects of a scope in some evidence, then
 * record each subject's findings (waivers applied, counted into the summary, the assessment and
 * the policy view), then the head of the findings. `evaluate` judges a whole evidence file with it;
 * a spooled run (src/run/) judges each domain as its evidence completes and forgets it.
 */
export interface Evaluation {
  /** The findings of every subject of `scope` in `evidence`, in no particular order. */
  judgeScope(scope: RuleFile["scope"], evidence: Evidence, checked?: Inconsistencies): Finding[];
  /** One subject's findings, all of them at once: waivers are applied to them (in place) and they are counted. */
  record(findings: Finding[]): void;
  /** Everything findings.json holds but the list. */
  head(evidence: Pick<Evidence, "collectedAt" | "resolver">): Omit<Findings, "findings">;
}

export function startEvaluation(pack: Pack, config: ConfigFile, now: Date, tenantCollected: boolean): Evaluation {
  const params = parametersOf(pack, config);
  const rules = [...pack.rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  // Each subject's evidence is converted to CEL once and dropped when its rules are done, so neither
  // the CPU nor the memory of a run grows with rules × subjects. What every subject reads (the
  // tenant, the parameters, the MX hosts' evidence) is converted once for the run.
  const shared = new Map<object, CelInput>();
  const waivers = new WaiverBook(config.waivers, now);
  const counts = { total: 0, byStatus: zeros(STATUSES), openBySeverity: zeros(SEVERITIES) };
  const errors: Finding[] = [];
  const tally = new PolicyTally(pack.policies ?? [], {
    tenantRuleIds: new Set(pack.rules.filter((r) => r.meta.scope === "tenant" || r.meta.scope === "connector").map((r) => r.meta.id)),
    tenantCollected,
  });
  return {
    judgeScope(scope, evidence, checked = inconsistenciesOf(evidence)) {
      const mine = rules.filter((r) => r.meta.scope === scope);
      if (mine.length === 0) return [];
      if ((scope === "tenant" || scope === "connector") && evidence.tenant === null) {
        return mine.map((rule) => ({ ...baseOf(rule, config), status: "not_applicable", subject: "tenant", message: "no tenant was assessed in this run", evidence: ["/tenant"], remediation: "" }));
      }
      const bases = mine.map((rule) => baseOf(rule, config));
      const out: Finding[] = [];
      for (const subject of subjectsFor(scope, evidence, params, checked)) {
        const judged = { ...subject, cel: celOf(subject.vars, shared) };
        mine.forEach((rule, i) => out.push(findingOf(rule, bases[i]!, judged)));
      }
      return out;
    },
    record(findings) {
      waivers.apply(findings);
      for (const f of findings) {
        counts.total++;
        counts.byStatus[f.status] = (counts.byStatus[f.status] ?? 0) + 1;
        if (f.status === "fail" || f.status === "warn") counts.openBySeverity[f.severity] = (counts.openBySeverity[f.severity] ?? 0) + 1;
        if (f.status === "error") errors.push(f);
      }
      tally.add(findings);
    },
    head(evidence) {
      return {
        format: FINDINGS_FORMAT,
        tool: TOOL,
        pack: { name: pack.meta.name, version: pack.meta.version },
        generatedAt: now.toISOString(),
        evidenceCollectedAt: evidence.collectedAt,
        resolver: { spec: evidence.resolver.spec, server: evidence.resolver.server, validatesDnssec: evidence.resolver.validatesDnssec },
        summary: { total: counts.total, byStatus: { ...counts.byStatus }, openBySeverity: { ...counts.openBySeverity } },
        assessment: assessmentOf(errors),
        notes: waivers.notes(),
        policies: tally.results(),
      };
    },
  };
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
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
  return assembleFinding(base, base.ruleId, subject.id, judge(rule, subject));
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
