// Renders report.xlsx with exceljs: a sheet each, in its own file (Summary, Changes, one a policy, Remediation,
// Findings, Domains, Mail path, Waivers, Evidence). Everything from outside is written as a string
// (never a formula) through style.ts's text().
import ExcelJS from "exceljs";
import { fixGroups } from "../fix-groups.js";
import { findingsList, type ReportInput } from "../view.js";
import { runTitle } from "../run-facts.js";
import { changesSheet } from "./changes-sheet.js";
import { domainsSheet } from "./domains-sheet.js";
import { evidenceSheet } from "./evidence-sheet.js";
import { findingsSheet } from "./findings-sheet.js";
import { mailPathSheet } from "./mailpath-sheet.js";
import { policySheet } from "./policy-sheet.js";
import { remediationSheet } from "./remediation-sheet.js";
import { fitRowHeights, text } from "./style.js";
import { summarySheet } from "./summary-sheet.js";
import { waiversSheet } from "./waivers-sheet.js";

export async function renderWorkbook(input: ReportInput): Promise<Uint8Array> {
  const { evidence, changes } = input;
  // Held whole: exceljs builds the workbook in memory anyway, and a workbook is bounded (WORKBOOK_MAX_FINDINGS).
  const findings = { ...input.findings, findings: findingsList(input) };
  const wb = new ExcelJS.Workbook();
  wb.creator = `${findings.tool.name} ${findings.tool.version}`;
  wb.lastModifiedBy = findings.tool.name;
  wb.title = text(`Email security assessment: ${runTitle(evidence)}`);
  wb.subject = "Email security posture (transport security and anti-spoofing)";
  wb.description = `Rule pack ${findings.pack.name} ${findings.pack.version}; evidence collected ${findings.evidenceCollectedAt}`;
  // Dates from the run, not the clock: the same findings make the same workbook.
  wb.created = new Date(findings.generatedAt);
  wb.modified = new Date(findings.generatedAt);
  const groups = fixGroups(findings.findings);
  summarySheet(wb, evidence, findings, groups);
  if (changes) changesSheet(wb, changes);
  for (const p of findings.policies) policySheet(wb, p);
  remediationSheet(wb, groups);
  findingsSheet(wb, findings);
  domainsSheet(wb, input);
  mailPathSheet(wb, input);
  waiversSheet(wb, findings);
  evidenceSheet(wb, evidence);
  wb.eachSheet((ws) => fitRowHeights(ws));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
