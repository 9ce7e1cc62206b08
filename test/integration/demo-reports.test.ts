// The demo's reports read back as a user reads them: findings.csv with a CSV parser, equal to
// findings.json; checklist.md holding every failing rule and subject the findings hold, each fix
// written once, the tenant, the matrix and the connector block, and pass and info counted apart.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { type DefaultTreeAdapterMap, parse as parseHtml } from "parse5";
import type { Findings } from "../../src/evidence/findings.js";
import { CSV_COLUMNS } from "../../src/report/csv.js";
import { fixGroups } from "../../src/report/fix-groups.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { readFindings } from "../helpers/findings.js";

let dir: string;
let findings: Findings;
let checklist: string;
let stdout: string;
before(async () => {
  const cwd = tempDir();
  const r = await runCli(["demo"], { cwd });
  assert.equal(r.code, 0, r.stderr);
  stdout = r.stdout;
  dir = join(cwd, "reports/demo");
  findings = readFindings(join(dir, "findings.json"));
  checklist = readFileSync(join(dir, "checklist.md"), "utf8");
});

const formulaStart = /^[=+\-@\t\r]/;

describe("the demo's findings.csv", () => {
  it("is UTF-8 with a BOM, CRLF records, and one row a finding equal to findings.json", () => {
    const bytes = readFileSync(join(dir, "findings.csv"));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    assert.ok(text.endsWith("\r\n"));
    const rows = parse(bytes, { bom: true, columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), [...CSV_COLUMNS]);
    assert.equal(rows.length, findings.findings.length);
    // A value a spreadsheet would evaluate is written with a leading apostrophe; everything else as is.
    const asWritten = (v: string) => (formulaStart.test(v) ? `'${v}` : v);
    const key = (r: { rule: string; subject: string }) => `${r.rule}|${r.subject}`;
    const byKey = new Map(rows.map((r) => [key({ rule: r["Rule ID"]!, subject: r.Subject! }), r]));
    assert.equal(byKey.size, rows.length, "rule and subject identify a row");
    for (const f of findings.findings) {
      const row = byKey.get(key({ rule: f.ruleId, subject: f.subject }));
      assert.ok(row, `${f.ruleId} ${f.subject}`);
      assert.equal(row.Title, f.title);
      assert.equal(row.Severity, f.severity);
      assert.equal(row.Status, f.status);
      assert.equal(row.Message, asWritten(f.message));
      assert.equal(row.Remediation, asWritten(f.remediation));
      assert.equal(row.Reference, f.references[0]?.url ?? "");
      assert.equal(row["Could not assess because"], f.cause ?? "");
      assert.ok(row.Control!.length > 0);
    }
    // Each finding carries its rule's crosswalk ids, and the CSV shows them (issue 26).
    const policy = findings.findings.find((f) => f.ruleId === "dmarc.policy")!;
    assert.deepEqual(policy.crosswalk, { cis: ["2.1.10"], scuba: ["MS.EXO.4.2"], govuk: ["dmarc"] });
    assert.equal(byKey.get(key({ rule: policy.ruleId, subject: policy.subject }))!.Crosswalk, "GOV.UK dmarc; CIS 2.1.10; MS.EXO.4.2");
    assert.match(checklist, /Also in: GOV\.UK dmarc; CIS 2\.1\.10; MS\.EXO\.4\.2/);
    const statuses = rows.map((r) => r.Status);
    assert.equal(statuses[0], "error", "the unknowns come first");
    assert.ok(statuses.lastIndexOf("error") < statuses.indexOf("fail"));
  });
});

// Issue 28: the UK government secure email policy, requirement by requirement, for the demo: the
// world holds domains that meet each domain requirement and domains that do not; the tenant fails
// inbound DMARC (HonorDmarcPolicy off) and meets TLS to *.gov.uk (its *.gov.uk connector).
describe("the demo's policy view (GOV.UK secure email policy)", () => {
  const EXPECTED: Record<string, string> = {
    "tls": "not_met", "mta-sts": "not_met", "dmarc": "not_met", "dkim": "not_met", "spf": "not_met", "filtering": "not_checked",
    "inbound-dmarc": "not_met", "reporting": "not_met", "ptr": "not_met", "tls-to-govuk": "met", "outbound-mta-sts": "not_checked",
  };
  const govuk = () => findings.policies.find((p) => p.id === "govuk")!;
  it("judges every requirement in findings.json, with the rules behind each", () => {
    assert.deepEqual(Object.fromEntries(govuk().requirements.map((r) => [r.id, r.verdict])), EXPECTED);
    const r = (id: string) => govuk().requirements.find((x) => x.id === id)!;
    assert.deepEqual(r("inbound-dmarc").ruleIds, ["exo.honor-dmarc", "gateway.enhanced-filtering"]);
    assert.match(r("inbound-dmarc").reason, /^Not met by 2 of 3: contoso-county\.example, the tenant; could not be assessed for 1 more\.$/);
    assert.match(r("ptr").reason, /^Not met by 2 of 4: contoso-libraries\.example, spf-lookups\.example/);
    assert.equal(r("tls-to-govuk").reason, "Met: the tenant.");
  });
  it("shows each domain requirement in both states: some subjects meet it, some do not", () => {
    for (const r of govuk().requirements.filter((x) => x.verdict === "not_met")) {
      const judged = new Set(findings.findings.filter((f) => f.crosswalk?.govuk?.includes(r.id) && f.status !== "not_applicable").map((f) => f.subject));
      const failing = new Set(r.open.filter((o) => o.status === "fail").map((o) => o.subject));
      if (r.id === "inbound-dmarc") continue; // the tenant and its gateway domain: one tenant, one state
      assert.ok([...judged].some((s) => !failing.has(s) && !r.open.some((o) => o.subject === s && o.status === "error")), `${r.id}: some subject meets it`);
      assert.ok(failing.size > 0, `${r.id}: some subject fails it`);
    }
    // The PTR requirement in both states on the sample tenant's own domains.
    const ptr = findings.findings.filter((f) => f.ruleId === "spf.sender-ptr");
    assert.equal(ptr.find((f) => f.subject === "domain:contoso-county.example")?.status, "pass");
    assert.equal(ptr.find((f) => f.subject === "domain:contoso-libraries.example")?.status, "fail");
  });
  it("opens the checklist after the verdict, before the fixes", () => {
    const at = (s: string) => checklist.indexOf(s);
    assert.ok(at("## Verdict") < at("## UK government secure email policy"));
    assert.ok(at("## UK government secure email policy") < at("## To fix"));
    assert.match(checklist, /states them: 1 of 11 met, 8 not met, 2 not checked by this tool\./);
    assert.match(checklist, /\| \[Enforce DMARC on inbound email\.\]\(https:\/\/www\.gov\.uk\/guidance\/securing-government-email\) +\| must +\| \*\*NOT MET\*\* +\| Not met by 2 of 3/);
    assert.match(checklist, /\| \[Force TLS when sending to \\\*\.gov\.uk\.\]\(https:\/\/www\.gov\.uk\/guidance\/set-up-government-email-services-securely\) +\| should +\| \*\*Met\*\* /);
  });
  it("is a sheet of the workbook and a section of the page", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "report.xlsx"));
    const ws = wb.getWorksheet("GOV.UK policy")!;
    const rows = ws.getSheetValues().slice(2, 13).map((r) => (r as unknown[]).slice(1, 4).map(String));
    assert.deepEqual(rows.map((r) => r[2]), govuk().requirements.map((r) => ({ met: "Met", not_met: "NOT MET", could_not_assess: "COULD NOT ASSESS", not_applicable: "n/a", not_checked: "not checked" })[r.verdict]));
    assert.equal(rows[6]![0], "Enforce DMARC on inbound email.");
    const html = readFileSync(join(dir, "report.html"), "utf8");
    assert.match(html, /<h2 id="policy-govuk">UK government secure email policy<\/h2>/);
    assert.match(html, /<td>Enforce DMARC on inbound email\.<\/a><\/td>|>Enforce DMARC on inbound email\.<\/a><\/td><td>must<\/td><td class="s-fail">NOT MET<\/td>/);
  });
});

/** The (rule, subject) pairs the checklist lists to fix, read from its Markdown. */
function checklistPairs(md: string): Set<string> {
  const pairs = new Set<string>();
  const lines = md.split("\n");
  const prefix: Record<string, string> = { domain: "domain:", "MX host": "mx:", connector: "connector:", message: "message:" };
  const unescape = (s: string) => s.replace(/\\(.)/g, "$1").replace(/&lt;/g, "<").replace(/&amp;/g, "&");
  for (const [i, line] of lines.entries()) {
    const m = /^- \[ \] \*\*([^:*]+): .*\*\* \((fails|warns) on (.+)\)$/.exec(line);
    if (!m) continue;
    const rule = unescape(m[1]!);
    const on = m[3]!;
    if (on === "the tenant") pairs.add(`${rule}|tenant`);
    else if (/^\d+ /.test(on)) {
      const kind = on.replace(/^\d+ /, "").replace(/(es|s)$/, "").replace(/^MX host$/, "MX host");
      const list = lines[i + 2]!;
      assert.match(list, /^ {2}On: /, `the subjects of ${rule} follow on their own line`);
      const k = Object.keys(prefix).find((p) => kind.startsWith(p.split(" ")[0]!))!;
      for (const name of list.replace(/^ {2}On: /, "").split(", ")) pairs.add(`${rule}|${prefix[k]}${unescape(name)}`);
    } else {
      const k = Object.keys(prefix).find((p) => on.startsWith(`${p} `))!;
      pairs.add(`${rule}|${prefix[k]}${unescape(on.slice(k.length + 1))}`);
    }
  }
  return pairs;
}

describe("the demo's checklist.md", () => {
  it("lists every failing or warning rule and subject that findings.json holds, and nothing else", () => {
    const open = new Set(findings.findings.filter((f) => f.status === "fail" || f.status === "warn").map((f) => `${f.ruleId}|${f.subject}`));
    assert.ok(open.size > 100);
    assert.deepEqual([...checklistPairs(checklist)].sort(), [...open].sort());
  });

  it("opens with the verdict and its causes, names the tenant, and counts pass and info apart", () => {
    assert.match(checklist, /^# Email security checklist: Contoso County Council\n/);
    const s = findings.summary.byStatus;
    const verdict = checklist.indexOf("## Verdict");
    assert.ok(verdict > 0 && verdict < checklist.indexOf("## To fix"));
    const counts = new RegExp(`\\|\\s+${s.fail}\\s+\\|\\s+${s.warn}\\s+\\|\\s+${s.error}\\s+\\|\\s+${s.waived}\\s+\\|\\s+${s.pass}\\s+\\|\\s+${s.info}\\s+\\|\\s+${s.not_applicable}\\s+\\|\\s+${findings.summary.total}\\s+\\|`);
    assert.match(checklist, counts);
    for (const c of findings.assessment.causes) assert.equal(checklist.split(`**${c.code}**`).length - 1, 1, `${c.code} once`);
    assert.doesNotMatch(checklist, /Could not assess.*\n(.*\n)*.*Could not assess/, "the unknowns are one section");
  });

  it("holds the posture matrix and the tenant's connectors and DANE status that the terminal prints", () => {
    assert.match(checklist, /^\| domain +\| role +\| SPF +\| DMARC +\| DKIM +\| STARTTLS +\| MTA-STS +\| TLS-RPT +\| DNSSEC +\| DANE +\| Path +\|$/m);
    assert.match(checklist, /^\| parked-borough\.example +\| parked +\| FAIL +\| FAIL +\|/m);
    for (const line of stdout.split("\n").filter((l) => /^ {2}(inbound|outbound) connector|^ {2}domain .*inbound SMTP DANE/.test(l))) {
      assert.ok(checklist.includes(`- ${line.trim()}`), line);
    }
  });

  it("writes each distinct fix once, and stays readable raw", () => {
    const fences = [...checklist.matchAll(/^ {2}```\n([\s\S]*?)\n {2}```$/gm)].map((m) => m[1]);
    assert.equal(new Set(fences).size, fences.length, "no fix block is repeated");
    assert.ok(fences.length < 80, `${fences.length} fix blocks`);
    const lines = checklist.split("\n").length;
    assert.ok(lines < 1200, `${lines} lines`);
    // Escapes only where Markdown needs them: no escaped parentheses, dots or hyphens.
    assert.doesNotMatch(checklist, /\\[().\-#!+{}]/);
  });
});

describe("the demo's report.xlsx", () => {
  let wb: ExcelJS.Workbook;
  before(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "report.xlsx"));
  });
  const values = (ws: ExcelJS.Worksheet, col: number) => ws.getColumn(col).values.slice(2).map((v) => (v && typeof v === "object" && "text" in v ? String(v.text) : String(v ?? "")));

  it("has its eight sheets (the GOV.UK policy's second), document properties, and no formula anywhere", () => {
    assert.deepEqual(wb.worksheets.map((w) => w.name), ["Summary", "GOV.UK policy", "Remediation", "Findings", "Domains", "Mail path", "Waivers", "Evidence"]);
    assert.match(wb.creator, /^exo-posture /);
    assert.match(wb.title, /Contoso County Council/);
    let cells = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        cells++;
        assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${ws.name}!${cell.address}`);
      }));
      if (ws.name !== "Summary") {
        assert.equal(ws.views[0]?.state, "frozen", ws.name);
        assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1, ws.name);
        assert.equal(ws.pageSetup.orientation, "landscape");
        assert.equal(ws.pageSetup.fitToWidth, 1);
      }
    }
    assert.ok(cells > 5000, `${cells} cells`);
  });

  it("lists every finding on the Findings sheet, with its status written, not only coloured", () => {
    const ws = wb.getWorksheet("Findings")!;
    assert.equal(ws.rowCount, findings.findings.length + 1);
    const header = (ws.getRow(1).values as string[]).slice(1);
    assert.deepEqual(header.slice(0, 7), ["Rule ID", "Title", "Control", "Severity", "Status", "Subject", "Message"]);
    const rows = new Set(values(ws, 1).map((rule, i) => `${rule}|${values(ws, 6)[i]}`));
    for (const f of findings.findings) assert.ok(rows.has(`${f.ruleId}|${f.subject}`), `${f.ruleId} ${f.subject}`);
    const statuses = values(ws, 5);
    assert.equal(statuses.filter((s) => s === "FAIL").length, findings.summary.byStatus.fail);
    assert.equal(statuses.filter((s) => s === "COULD NOT ASSESS").length, findings.summary.byStatus.error);
    assert.equal(statuses[0], "COULD NOT ASSESS", "the unknowns come first");
  });

  it("writes each fix once on the Remediation sheet, with the client's columns and their checks", () => {
    const ws = wb.getWorksheet("Remediation")!;
    const fixes = fixGroups(findings.findings).reduce((n, g) => n + Math.max(1, g.fixes.length), 0);
    assert.equal(ws.rowCount, fixes + 1);
    assert.deepEqual((ws.getRow(1).values as string[]).slice(-3), ["Owner", "Due date", "Status"]);
    const status = ws.getCell("J2").dataValidation;
    assert.equal(status.type, "list");
    assert.deepEqual(status.formulae, ['"Open,In progress,Done,Accepted risk"']);
    assert.equal(ws.getCell("I2").dataValidation.type, "date");
    // Contoso's Mimecast chain: Enhanced Filtering off is one high fix, with the exact cmdlet, for the domains behind it.
    const ef = values(ws, 3).flatMap((v, i) => (v.includes("(gateway.enhanced-filtering)") ? [i + 2] : []));
    assert.equal(ef.length, 1);
    const row = ws.getRow(ef[0]!);
    assert.equal(row.getCell(2).value, "High");
    assert.match(String(row.getCell(4).value), /contoso-county\.example/);
    assert.match(String(row.getCell(6).value), /Set-InboundConnector -Identity "Mimecast inbound" -EFSkipLastIP \$true/);
  });

  it("opens the Summary with the verdict and its causes, and holds the matrix and the mail path", () => {
    const summary = wb.getWorksheet("Summary")!;
    const text = summary.getSheetValues().flat().map(String).join("\n");
    assert.match(text, /Incomplete: 32 of \d+ checks could not be assessed/);
    for (const c of findings.assessment.causes) assert.ok(text.includes(c.code), c.code);
    const domains = wb.getWorksheet("Domains")!;
    const names = Object.keys(JSON.parse(readFileSync(join(dir, "evidence.json"), "utf8")).domains).sort();
    assert.deepEqual(values(domains, 1).slice(0, names.length), names, "one row a domain, in order");
    assert.match(values(domains, 1).at(-1)!, /UNKNOWN \(could not be assessed: never a pass\)/, "a legend says what the cells mean");
    assert.deepEqual((domains.getRow(1).values as string[]).slice(4), ["SPF", "DMARC", "DKIM", "STARTTLS", "MTA-STS", "TLS-RPT", "DNSSEC", "DANE", "Path"]);
    const path = wb.getWorksheet("Mail path")!;
    const county = values(path, 1).findIndex((d) => d === "contoso-county.example") + 2;
    assert.match(String(path.getRow(county).getCell(5).value), /^Mimecast inbound/);
    assert.equal(path.getRow(county).getCell(9).value, "FAIL", "Enhanced Filtering verdict");
  });
});

describe("report.xlsx's Waivers and Evidence sheets", () => {
  it("lists each waiver, applied or expired, and the records behind the verdicts", async () => {
    const out = tempDir({
      "waivers.yaml": [
        "waivers:",
        "  - rule: dmarc.policy",
        "    subject: domain:contoso-heritage.example",
        "    reason: Parked domain being retired",
        "    approver: J. Smith (SIRO)",
        "    expires: 2099-12-31",
        "  - rule: spf.present",
        "    subject: domain:parked-borough.example",
        "    reason: Old exception",
        "    approver: A. Jones",
        "    expires: 2020-01-31",
        "",
      ].join("\n"),
    });
    const r = await runCli(["evaluate", "--evidence", join(dir, "evidence.json"), "--config", join(out, "waivers.yaml"), "--out", out, "--format", "xlsx", "-q"]);
    assert.equal(r.code, 0, r.stderr);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "report.xlsx"));
    const waivers = wb.getWorksheet("Waivers")!;
    const rows = [2, 3].map((n) => (waivers.getRow(n).values as unknown[]).slice(1, 8).map(String));
    assert.deepEqual(rows.map((v) => [v[0], v[1], v[2], v[3], v[4]]).sort(), [
      ["dmarc.policy", "domain:contoso-heritage.example", "applied", "WAIVED", "FAIL"],
      ["spf.present", "domain:parked-borough.example", "EXPIRED", "FAIL", "FAIL"],
    ]);
    assert.ok(rows.some((v) => v[5] === "J. Smith (SIRO)" && v[6] === "2099-12-31"));

    const evidence = wb.getWorksheet("Evidence")!;
    const lines = evidence.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1).map((v) => String(v ?? "")).join(" | ") : ""));
    assert.ok(lines.some((l) => /^domain:contoso-county\.example \| contoso-county\.example \| MX \| answer \| \w+ \| contoso-county\.example\. \d+ IN MX \d+ eu-smtp-inbound-1\.mimecast\.com/.test(l)), "the MX record");
    assert.ok(lines.some((l) => /^domain:gateway-county\.example \| https:\/\/mta-sts\.gateway-county\.example\/\.well-known\/mta-sts\.txt \| HTTPS \| body \| {2}\| version: STSv1/.test(l)), "the MTA-STS policy as served");
    assert.ok(lines.some((l) => /^connector:Mimecast inbound \| efSkipLastIP \| tenant \| inbound \| {2}\| false/.test(l)), "the connector's Enhanced Filtering setting");
    assert.ok(lines.some((l) => / TLSA /.test(l)), "TLSA records");
  });
});

/** Every element of a parse5 document, depth first. */
function elements(node: DefaultTreeAdapterMap["parentNode"]): DefaultTreeAdapterMap["element"][] {
  const out: DefaultTreeAdapterMap["element"][] = [];
  for (const child of node.childNodes) {
    if ("tagName" in child) {
      out.push(child);
      out.push(...elements(child.tagName === "template" ? (child as DefaultTreeAdapterMap["template"]).content : child));
    }
  }
  return out;
}
const textOf = (node: DefaultTreeAdapterMap["node"]): string =>
  "value" in node && node.nodeName === "#text" ? String(node.value) : "childNodes" in node ? node.childNodes.map(textOf).join("") : "";

describe("the demo's report.html", () => {
  it("is one page with no scripts and no outside assets, under a strict Content-Security-Policy", () => {
    const doc = parseHtml(readFileSync(join(dir, "report.html"), "utf8"));
    const all = elements(doc);
    assert.equal(all.filter((e) => e.tagName === "script").length, 0);
    for (const e of all) {
      for (const a of e.attrs) {
        assert.doesNotMatch(a.name, /^on/i, `${e.tagName} ${a.name}`);
        if (a.name === "href") assert.match(a.value, /^(#|https?:|mailto:)/, a.value);
        assert.notEqual(a.name, "src", `${e.tagName} loads ${a.value}`);
        assert.notEqual(a.name, "style", "inline style attributes would break the CSP");
      }
    }
    const csp = all.find((e) => e.tagName === "meta" && e.attrs.some((a) => a.name === "http-equiv" && a.value === "Content-Security-Policy"));
    assert.match(csp!.attrs.find((a) => a.name === "content")!.value, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it("holds every finding's rule id and subject, each domain's findings under the domain's anchor", () => {
    const doc = parseHtml(readFileSync(join(dir, "report.html"), "utf8"));
    const rows = elements(doc).filter((e) => e.tagName === "tr").map((tr) => elements(tr).filter((e) => e.tagName === "td").map(textOf));
    const seen = new Set(rows.filter((r) => r.length === 6).map((r) => `${r[2]}|${r[3]}`));
    for (const f of findings.findings) assert.ok(seen.has(`${f.ruleId}|${f.subject.replace(/^(domain|mx|connector|message):/, "")}`), `${f.ruleId} ${f.subject}`);
    const ids = new Set(elements(doc).flatMap((e) => e.attrs.filter((a) => a.name === "id").map((a) => a.value)));
    for (const a of elements(doc).flatMap((e) => e.attrs.filter((x) => x.name === "href" && x.value.startsWith("#")))) assert.ok(ids.has(a.value.slice(1)), `anchor ${a.value}`);
    assert.match(textOf(doc), /Incomplete: 32 of \d+ checks could not be assessed/);
    // The evidence itself, folded under each domain: the DNS answers its verdicts rest on.
    const records = rows.filter((r) => r.length === 5);
    assert.ok(records.some((r) => r[0] === "contoso-county.example" && r[1] === "MX" && /IN MX \d+ eu-smtp-inbound-1\.mimecast\.com/.test(r[4]!)), "the MX record of contoso-county.example");
    assert.ok(records.some((r) => r[1] === "TLSA" && r[2] === "answer"), "TLSA records");
  });
});
