// Summary: whom the report is about, how it was made, whether the run could look (and if not why,
// by cause, first), the counts, and the ten fixes that matter most.
import type ExcelJS from "exceljs";
import type { Evidence } from "../../evidence/evidence.js";
import { type Findings, SEVERITIES, STATUSES } from "../../evidence/findings.js";
import type { FixGroup } from "../fix-groups.js";
import { subjectParts } from "../fix-groups.js";
import { resolverText, runTitle, tenantText, verdictLine } from "../run-facts.js";
import { addSheet, BOLD, heading, SEVERITY_LABEL, STATUS_LABEL, statusFill, text } from "./style.js";

const STATUS_MEANING: Record<keyof typeof STATUS_LABEL, string> = {
  pass: "the check held", fail: "to fix", warn: "to fix: a weaker form", info: "advice, or a fact worth knowing",
  error: "could not be assessed: an unknown, never a pass", not_applicable: "the rule does not apply", waived: "a failure accepted as a risk",
};

export function summarySheet(wb: ExcelJS.Workbook, evidence: Evidence, findings: Findings, groups: FixGroup[]): void {
  // Label, a number, then two wide text columns; no merged cells, so every row can be sized to its text.
  const ws = addSheet(wb, "Summary", [{ header: "", width: 24, wrap: true }, { header: "", width: 14 }, { header: "", width: 70, wrap: true }, { header: "", width: 60, wrap: true }], { header: false });
  const title = ws.addRow([text(`Email security assessment: ${runTitle(evidence)}`)]);
  title.font = { ...BOLD, size: 16 };
  title.alignment = { vertical: "bottom", wrapText: false };
  ws.addRow([]);
  const a = findings.assessment;
  const verdict = ws.addRow(["Verdict", a.complete ? "complete" : "INCOMPLETE", text(verdictLine(findings))]);
  verdict.font = BOLD;
  statusFill(verdict.getCell(2), a.complete ? "pass" : "error");
  statusFill(verdict.getCell(3), a.complete ? "pass" : "error");
  if (!a.complete) {
    ws.addRow([]);
    heading(ws, "Could not assess, by cause");
    const head = ws.addRow(["Cause", "Checks", "Where", "What to do"]);
    head.font = BOLD;
    for (const c of a.causes) {
      const where = c.subjects.map((s) => `${subjectParts(s.subject).name} (${s.checks})`).join(", ");
      const row = ws.addRow([c.code, c.checks, text(`${where}\ne.g. ${c.subjects[0]?.detail ?? ""}`), text(c.remedy)]);
      statusFill(row.getCell(1), "error");
    }
  }
  ws.addRow([]);

  const facts: [string, string][] = [
    ["Tenant", tenantText(evidence)],
    ["Domains", `${Object.keys(evidence.domains).length}: ${Object.keys(evidence.domains).sort().join(", ")}`],
    ["MX hosts", String(Object.keys(evidence.mxHosts).length)],
    ["Evidence collected", findings.evidenceCollectedAt],
    ["Judged", findings.generatedAt],
    ["Tool", `${findings.tool.name} ${findings.tool.version}`],
    ["Rule pack", `${findings.pack.name} ${findings.pack.version}`],
    ["Resolver", resolverText(findings)],
  ];
  for (const [k, v] of facts) ws.addRow([k, "", text(v)]).getCell(1).font = BOLD;
  ws.addRow([]);
  heading(ws, "Findings by status");
  const s = findings.summary.byStatus;
  for (const st of STATUSES) {
    const row = ws.addRow([STATUS_LABEL[st], s[st] ?? 0, STATUS_MEANING[st]]);
    statusFill(row.getCell(1), st);
  }
  ws.addRow(["Total", findings.summary.total]).font = BOLD;
  ws.addRow([]);
  heading(ws, "To fix, by severity");
  for (const sev of SEVERITIES) ws.addRow([SEVERITY_LABEL[sev], findings.summary.openBySeverity[sev] ?? 0]);
  ws.addRow([]);

  heading(ws, groups.length > 10 ? `The ten most important fixes (of ${groups.length}; all on the Remediation sheet)` : "What to fix (all on the Remediation sheet)");
  const head = ws.addRow(["Severity", "Subjects", "Fix", "Applies to"]);
  head.font = BOLD;
  for (const g of groups.slice(0, 10)) {
    const names = g.subjects.map((x) => x.name);
    const row = ws.addRow([SEVERITY_LABEL[g.severity], names.length, text(`${g.title} (${g.ruleId})`), text(names.length > 6 ? `${names.slice(0, 6).join(", ")} and ${names.length - 6} more` : names.join(", "))]);
    statusFill(row.getCell(1), g.fails > 0 ? "fail" : "warn");
  }
  if (groups.length === 0) ws.addRow([a.complete ? "Nothing to fix: no check failed or warned." : "No check that could be assessed failed or warned; see the verdict above."]);
}
