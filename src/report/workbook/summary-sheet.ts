// Summary: whom the report is about, how it was made, whether the run could look (and if not why,
// by cause, first), the counts, and the ten fixes that matter most.
import type { Evidence } from "../../evidence/evidence.js";
import { SEVERITIES, STATUSES } from "../../evidence/findings.js";
import type { FixGroup } from "../fix-groups.js";
import { subjectParts } from "../fix-groups.js";
import { resolverText, runTitle, tenantText, verdictLine } from "../run-facts.js";
import type { FindingsHead } from "../view.js";
import { type Book, Sheet } from "./sheet.js";
import { BOLD, heading, SEVERITY_LABEL, STATUS_LABEL, statusFill, text } from "./style.js";

const STATUS_MEANING: Record<keyof typeof STATUS_LABEL, string> = {
  pass: "the check held", fail: "to fix", warn: "to fix: a weaker form", info: "advice, or a fact worth knowing",
  error: "could not be assessed: an unknown, never a pass", not_applicable: "the rule does not apply", waived: "a failure accepted as a risk",
};

/** Past this many domains the Summary gives their number, and the Domains sheet their names. */
const NAMED_DOMAINS = 50;

export function summarySheet(book: Book, evidence: Evidence, findings: FindingsHead, groups: FixGroup[]): void {
  // Label, a number, then two wide text columns; no merged cells, so every row can be sized to its text.
  const ws = new Sheet(book, "Summary", [{ header: "", width: 24, wrap: true }, { header: "", width: 14 }, { header: "", width: 70, wrap: true }, { header: "", width: 60, wrap: true }], { header: false });
  const title = ws.add([text(`Email security assessment: ${runTitle(evidence)}`)]);
  title.font = { ...BOLD, size: 16 };
  title.alignment = { vertical: "bottom", wrapText: false };
  ws.add([]);
  const a = findings.assessment;
  const verdict = ws.add(["Verdict", a.complete ? "complete" : "INCOMPLETE", text(verdictLine(findings))]);
  verdict.font = BOLD;
  statusFill(verdict.getCell(2), a.complete ? "pass" : "error");
  statusFill(verdict.getCell(3), a.complete ? "pass" : "error");
  if (!a.complete) {
    ws.add([]);
    heading(ws, "Could not assess, by cause");
    const head = ws.add(["Cause", "Checks", "Where", "What to do"]);
    head.font = BOLD;
    for (const c of a.causes) {
      const where = c.subjects.map((s) => `${subjectParts(s.subject).name} (${s.checks})`).join(", ");
      const row = ws.add([c.code, c.checks, text(`${where}\ne.g. ${c.subjects[0]?.detail ?? ""}`), text(c.remedy)]);
      statusFill(row.getCell(1), "error");
    }
  }
  ws.add([]);

  const facts: [string, string][] = [
    ["Tenant", tenantText(evidence)],
    ["Domains", domainsText(Object.keys(evidence.domains))],
    ["MX hosts", String(Object.keys(evidence.mxHosts).length)],
    ["Evidence collected", findings.evidenceCollectedAt],
    ["Judged", findings.generatedAt],
    ["Tool", `${findings.tool.name} ${findings.tool.version}`],
    ["Rule pack", `${findings.pack.name} ${findings.pack.version}`],
    ["Resolver", resolverText(findings)],
  ];
  for (const [k, v] of facts) ws.add([k, "", text(v)]).getCell(1).font = BOLD;
  ws.add([]);
  heading(ws, "Findings by status");
  const s = findings.summary.byStatus;
  for (const st of STATUSES) {
    const row = ws.add([STATUS_LABEL[st], s[st] ?? 0, STATUS_MEANING[st]]);
    statusFill(row.getCell(1), st);
  }
  ws.add(["Total", findings.summary.total]).font = BOLD;
  ws.add([]);
  heading(ws, "To fix, by severity");
  for (const sev of SEVERITIES) ws.add([SEVERITY_LABEL[sev], findings.summary.openBySeverity[sev] ?? 0]);
  ws.add([]);

  heading(ws, groups.length > 10 ? `The ten most important fixes (of ${groups.length}; all on the Remediation sheet)` : "What to fix (all on the Remediation sheet)");
  const head = ws.add(["Severity", "Subjects", "Fix", "Applies to"]);
  head.font = BOLD;
  for (const g of groups.slice(0, 10)) {
    const names = g.subjects.map((x) => x.name);
    const row = ws.add([SEVERITY_LABEL[g.severity], names.length, text(`${g.title} (${g.ruleId})`), text(names.length > 6 ? `${names.slice(0, 6).join(", ")} and ${names.length - 6} more` : names.join(", "))]);
    statusFill(row.getCell(1), g.fails > 0 ? "fail" : "warn");
  }
  if (groups.length === 0) ws.add([a.complete ? "Nothing to fix: no check failed or warned." : "No check that could be assessed failed or warned; see the verdict above."]);
  ws.end();
}

function domainsText(names: string[]): string {
  const n = names.length.toLocaleString("en-GB");
  return names.length > NAMED_DOMAINS ? `${n}, one row each on the Domains sheet` : `${n}: ${names.sort().join(", ")}`;
}
