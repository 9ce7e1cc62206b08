// Renders report.xlsx with exceljs' streaming writer, straight into the file: a sheet each, in its
// own file (Summary, Changes, one a policy, Remediation, Findings, Domains, Mail path, Waivers,
// Evidence), each written row by row and committed before the next begins (src/report/workbook/
// sheet.ts), so the workbook of 50,000 domains is made in the memory of a small one. Everything from
// outside is written as a string (never a formula) through style.ts's text().
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { digestOf } from "../digest.js";
import { runTitle } from "../run-facts.js";
import type { ReportInput } from "../view.js";
import { changesSheet } from "./changes-sheet.js";
import { domainsSheet } from "./domains-sheet.js";
import { evidenceSheet } from "./evidence-sheet.js";
import { findingsSheet } from "./findings-sheet.js";
import { mailPathSheet } from "./mailpath-sheet.js";
import { policySheet } from "./policy-sheet.js";
import { remediationSheet } from "./remediation-sheet.js";
import { text } from "./style.js";
import { summarySheet } from "./summary-sheet.js";
import { waiversSheet } from "./waivers-sheet.js";

export async function renderWorkbook(input: ReportInput, out: Writable): Promise<void> {
  const { evidence, changes, findings } = input;
  // What the sheets say of all the findings (the fixes, the matrix, the waivers), made in one pass
  // before any sheet is written, and shared with the other reports written in this thread.
  const digest = digestOf(input);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // Strings in their cells: a shared-strings table would hold every distinct message until the end.
    useSharedStrings: false,
  });
  book.creator = `${findings.tool.name} ${findings.tool.version}`;
  book.lastModifiedBy = findings.tool.name;
  book.title = text(`Email security assessment: ${runTitle(evidence)}`);
  book.subject = "Email security posture (transport security and anti-spoofing)";
  book.description = `Rule pack ${findings.pack.name} ${findings.pack.version}; evidence collected ${findings.evidenceCollectedAt}`;
  // Dates from the run, not the clock: the same findings make the same workbook.
  book.created = new Date(findings.generatedAt);
  book.modified = new Date(findings.generatedAt);
  summarySheet(book, evidence, findings, digest.groups);
  if (changes) await changesSheet(book, changes);
  for (const p of findings.policies) await policySheet(book, p);
  await remediationSheet(book, digest.groups);
  await findingsSheet(book, input, findings);
  await domainsSheet(book, evidence, digest);
  await mailPathSheet(book, input);
  await waiversSheet(book, digest.waivers, findings.notes);
  await evidenceSheet(book, evidence);
  await book.commit();
}
