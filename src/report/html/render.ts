// report.html: one self-contained page. No scripts and no outside assets; a Content-Security-Policy
// that allows only its own stylesheet (by hash); every outside value escaped (escape.ts). Sections:
// the verdict, changes since a baseline, the posture matrix, the mail path, the fixes (each once),
// waivers, the tenant, and each domain's findings with their evidence pointers.
import { createHash } from "node:crypto";
import type { Evidence } from "../../evidence/evidence.js";
import type { Finding, RequirementResult } from "../../evidence/findings.js";
import { SEVERITIES } from "../../evidence/findings.js";
import type { Change, FindingsDiff } from "../diff.js";
import { changesLine, requirementChangeText } from "../diff.js";
import { type FixGroup, subjectParts } from "../fix-groups.js";
import { digestOf } from "../digest.js";
import type { FindingsHead, ReportInput } from "../view.js";
import { crosswalkText, STATUS_SHORT } from "../labels.js";
import { MAIL_PATH_NOTE, mailPathRows } from "../mail-path.js";
import { policyRows, policyTally, REQUIREMENT_LEGEND } from "../policy-view.js";
import { lookupsIn, recordRows } from "../records.js";
import { byAttention } from "../order.js";
import { MATRIX_LEGEND } from "../posture-matrix.js";
import { plural, resolverText, runTitle, tenantText, verdictLine } from "../run-facts.js";
import { renderTenant } from "../tenant-summary.js";
import { anchor, esc, safeUrl } from "./escape.js";
import { CSS } from "./style.js";

/** A verdict cell; in the matrix, low-severity notes add a "*" and their count in the title. */
const status = (s: Finding["status"] | null, notes = 0) => {
  if (!s) return "<td></td>";
  const title = notes > 0 ? ` title="${notes} low-severity note${notes > 1 ? "s" : ""}"` : "";
  return `<td class="s-${s === "not_applicable" ? "na" : s}"${title}>${STATUS_SHORT[s]}${notes > 0 ? "*" : ""}</td>`;
};

export function renderHtml(input: ReportInput): string {
  return [...htmlParts(input)].join("");
}

/** The page in parts (a domain's section is one), so a page of thousands of domains is never one string. */
export function* htmlParts(input: ReportInput): Generator<string> {
  const { evidence, findings, changes } = input;
  const { groups } = digestOf(input);
  const title = `Email security assessment: ${runTitle(evidence)}`;
  // Each section in pieces (the matrix, the mail path and the contents a row at a time): a page of
  // 50,000 domains is never one string, nor its sections.
  const body: (string | Iterable<string>)[] = [
    `<h1>${esc(title)}</h1>`,
    facts(evidence, findings),
    verdict(findings),
    nav(evidence, findings, groups, changes),
    changes ? changesSection(changes) : "",
    policies(findings),
    matrix(input),
    mailPath(input),
    fixes(groups),
    waivers(input),
    tenant(evidence),
  ];
  const hash = createHash("sha256").update(CSS).digest("base64");
  yield `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(`${findings.tool.name} ${findings.tool.version}`)}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
`;
  for (const [i, section] of body.entries()) {
    if (i > 0) yield "\n";
    if (typeof section === "string") yield section;
    else yield* section;
  }
  yield "\n";
  for (const part of domains(input)) yield `${part}\n`;
  yield `</body>
</html>
`;
}

function facts(evidence: Evidence, findings: FindingsHead): string {
  const rows: [string, string][] = [
    ["Tenant", tenantText(evidence)],
    ["Assessed", `${plural(Object.keys(evidence.domains).length, "domain")} and the ${plural(Object.keys(evidence.mxHosts).length, "MX host")} they name`],
    ["Evidence", `collected ${findings.evidenceCollectedAt} through resolver ${resolverText(findings)}`],
    ["Judged", `${findings.generatedAt} by ${findings.tool.name} ${findings.tool.version} with rule pack ${findings.pack.name} ${findings.pack.version}`],
  ];
  return `<table class="facts">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("")}</table>`;
}

function verdict(findings: FindingsHead): string {
  const a = findings.assessment;
  const s = findings.summary.byStatus;
  const counts = (["fail", "warn", "error", "waived", "pass", "info", "not_applicable"] as const)
    .map((k) => `<tr>${status(k)}<td>${s[k] ?? 0}</td></tr>`).join("");
  const out = [
    `<h2 class="first" id="verdict">Verdict</h2>`,
    `<div class="verdict ${a.complete ? "complete" : "incomplete"}">${esc(verdictLine(findings))}</div>`,
    `<table class="narrow"><tr><th>Status</th><th>Findings</th></tr>${counts}<tr><th>Total</th><th>${findings.summary.total}</th></tr></table>`,
  ];
  if (!a.complete) {
    out.push(`<h3 id="unknown">Could not assess, by cause</h3><table><tr><th>Cause</th><th>Checks</th><th>Where</th><th>What to do</th></tr>`);
    for (const c of a.causes) {
      const where = c.subjects.map((x) => `${esc(subjectParts(x.subject).name)} (${x.checks})`).join(", ");
      out.push(`<tr><td class="s-error">${esc(c.code)}</td><td>${c.checks}</td><td>${where}<br><span class="muted">e.g. ${esc(c.subjects[0]?.detail ?? "")}</span></td><td>${esc(c.remedy)}</td></tr>`);
    }
    out.push("</table>");
  }
  for (const note of findings.notes) out.push(`<p class="muted">Note: ${esc(note)}</p>`);
  return out.join("\n");
}

// A requirement's verdict takes the colour of the finding status it comes from; the words carry it.
const VERDICT_CLASS: Record<RequirementResult["verdict"], string> = { met: "s-pass", not_met: "s-fail", could_not_assess: "s-error", not_applicable: "s-na", not_checked: "s-na" };

/** A link when the URL is safe, else the text alone. */
const link = (url: string, text: string) => {
  const href = safeUrl(url);
  return href ? `<a href="${esc(href)}">${esc(text)}</a>` : esc(text);
};

/** Each policy of the pack, requirement by requirement. */
function policies(findings: FindingsHead): string {
  return findings.policies.map((p) => {
    const rows = policyRows(p).map((r) =>
      `<tr><td>${link(r.url, r.text)}</td><td>${esc(r.level)}</td><td class="${VERDICT_CLASS[r.verdict]}">${esc(r.label)}</td><td>${esc(r.reason)}</td><td>${r.rules ? esc(r.rules) : `<span class="muted">no rule</span>`}</td></tr>`).join("");
    return `<h2 id="policy-${esc(p.id)}">${esc(p.title)}</h2>
<p>Requirement by requirement, as ${link(p.source.url, p.source.title)} states them: ${esc(policyTally(p))}.</p>
<table class="policy"><tr><th>Requirement</th><th>Level</th><th>Verdict</th><th>Why</th><th>Checked by</th></tr>${rows}</table>
<p class="muted">${esc(REQUIREMENT_LEGEND)}.</p>`;
  }).join("\n");
}

function* nav(evidence: Evidence, findings: FindingsHead, groups: FixGroup[], changes?: FindingsDiff): Generator<string> {
  const sections = [
    changes ? ["changes", "Changes since the last run"] : null,
    ...findings.policies.map((p) => [`policy-${p.id}`, p.title]),
    ["matrix", "Posture by domain"], ["mail-path", "Mail path"], groups.length > 0 ? ["fixes", "To fix"] : null,
    ["waivers", "Waivers"], evidence.tenant ? ["tenant", "Tenant mail flow"] : null, ["domains", "Findings by domain"],
  ].filter((x): x is string[] => x !== null);
  yield `<nav><h3>Contents</h3><ul>${sections.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join("")}</ul><h3>Domains</h3><ul>`;
  for (const d of Object.keys(evidence.domains).sort()) yield `<li><a href="#${anchor("d", d)}">${esc(d)}</a></li>`;
  yield "</ul></nav>";
}

function changesSection(d: FindingsDiff): string {
  const state = (s: Change["before"]) => (s ? `${s.status} (${s.severity})` : "absent");
  const rows = (what: string, list: Change[]) => list.map((c) => `<tr><td>${esc(what)}</td><td>${esc(c.ruleId)}</td><td>${esc(c.subject)}</td><td>${esc(state(c.before))}</td><td>${esc(state(c.after))}</td><td>${esc(c.after?.message ?? "")}</td></tr>`).join("");
  const moved = d.requirements.length > 0 ? `<p>Policy requirements whose verdict moved:</p><ul>${d.requirements.map((c) => `<li>${esc(requirementChangeText(c))}</li>`).join("")}</ul>` : "";
  return `<h2 id="changes">Changes since ${esc(d.from.evidenceCollectedAt)}</h2><p>${esc(changesLine(d))}.</p>${moved}
<table><tr><th>Change</th><th>Rule</th><th>Subject</th><th>Before</th><th>Now</th><th>What it says now</th></tr>${rows("new", d.new)}${rows("fixed", d.fixed)}${rows("changed", d.changed)}${rows("no longer assessed", d.noLongerAssessed)}${rows("rule removed", d.ruleRemoved)}</table>`;
}

function* matrix(input: ReportInput): Generator<string> {
  const { columns, rows } = digestOf(input);
  yield `<h2 id="matrix">Posture by domain</h2><table class="matrix"><tr><th>Domain</th><th>Role</th>${columns.map((c) => `<th>${esc(c.name)}</th>`).join("")}</tr>`;
  for (const r of rows) yield `<tr><td><a href="#${anchor("d", r.domain)}">${esc(r.domain)}</a></td><td>${esc(r.role)}</td>${r.cells.map((c, i) => (c ? status(c, r.notes[i] ?? 0) : "<td>n/a</td>")).join("")}</tr>`;
  yield `</table><p class="muted">${esc(MATRIX_LEGEND.replace("ERR could", "UNKNOWN could"))}.</p>`;
}

function* mailPath(input: ReportInput): Generator<string> {
  yield `<h2 id="mail-path">Mail path</h2><p class="muted">MX → gateway → connector → Enhanced Filtering → ARC trust. ${esc(MAIL_PATH_NOTE)}</p>
<table><tr><th>Domain</th><th>MX hosts</th><th>Gateway</th><th>Verdict</th><th>Inbound connector</th><th>Locked to the gateway</th><th>Verdict</th><th>Enhanced Filtering</th><th>Verdict</th><th>ARC sealer trusted</th><th>Verdict</th></tr>`;
  for (const r of mailPathRows(input)) {
    const head = `<td>${esc(r.domain)}</td><td>${esc(r.mx).replace(/\n/g, "<br>")}</td><td>${esc(r.gateway)}</td>${status(r.gatewayVerdict)}`;
    // No chain past the MX: the reason spans the connector's columns instead of squeezing into one.
    const chained = r.lockDown || r.enhancedFiltering || r.arc;
    yield `<tr>${head}${chained ? `<td>${esc(r.connector)}</td><td>${esc(r.lockDown)}</td>${status(r.lockDownVerdict)}<td>${esc(r.enhancedFiltering)}</td>${status(r.enhancedFilteringVerdict)}<td>${esc(r.arc)}</td>${status(r.arcVerdict)}` : `<td colspan="7" class="muted">${esc(r.connector)}</td>`}</tr>`;
  }
  yield "</table>";
}

function fixes(groups: FixGroup[]): string {
  if (groups.length === 0) return "";
  const out = [`<h2 id="fixes">To fix</h2>`];
  for (const sev of SEVERITIES) {
    const mine = groups.filter((g) => g.severity === sev);
    if (mine.length === 0) continue;
    out.push(`<h3>${esc(sev[0]!.toUpperCase() + sev.slice(1))} (${plural(mine.length, "rule")})</h3>`);
    for (const g of mine) {
      const ref = g.references[0];
      const url = ref ? safeUrl(ref.url) : null;
      const on = g.kind === "tenant" ? "the tenant" : plural(g.subjects.length, g.kind);
      out.push(`<div class="fix ${g.severity}"><h4>${esc(g.title)} <span class="muted">(${esc(g.ruleId)}; ${g.fails > 0 ? `fails on ${esc(on)}` : `warns on ${esc(on)}`})</span></h4>`);
      // Domains link to their findings; MX hosts and connectors have no section of their own.
      out.push(`<p><b>On:</b> ${g.subjects.map((s) => (s.subject.startsWith("domain:") ? `<a href="#${anchor("d", s.name)}">${esc(s.name)}</a>` : esc(s.name))).join(", ")}</p>`);
      out.push(`<ul>${g.found.map((f) => `<li>${f.status === "warn" && g.fails > 0 ? "(warning) " : ""}${esc(f.text)}${f.names.length > 1 ? ` <span class="muted">(${f.names.map(esc).join(", ")})</span>` : ""}</li>`).join("")}</ul>`);
      for (const fix of g.fixes) {
        const whom = g.fixes.length > 1 ? ` for ${fix.names.map(esc).join(", ")}` : fix.names.length > 1 ? ", for each" : "";
        const placeholder = fix.names.length > 1 && g.placeholder ? ` <span class="muted">(put the ${esc(g.kind)}'s name in place of ${esc(g.placeholder)})</span>` : "";
        out.push(`<p><b>How to fix${whom}:</b>${placeholder}</p><pre>${esc(fix.text)}</pre>`);
      }
      if (ref) out.push(`<p class="muted">See: ${url ? `<a href="${esc(url)}" rel="noopener noreferrer">${esc(ref.title)}</a>` : esc(`${ref.title} (${ref.url})`)}</p>`);
      const cw = crosswalkText(g.crosswalk);
      if (cw) out.push(`<p class="muted">Also in: ${esc(cw)}</p>`);
      out.push("</div>");
    }
  }
  return out.join("\n");
}

function waivers(input: ReportInput): string {
  const list = digestOf(input).waivers;
  const rows = list.map((f) => `<tr><td>${esc(f.ruleId)}</td><td>${esc(f.subject)}</td><td>${f.waiver!.applied ? "applied" : "EXPIRED"}</td>${status(f.status)}<td>${esc(f.waiver!.approver)}</td><td>${esc(f.waiver!.expires)}</td><td>${esc(f.waiver!.reason)}</td></tr>`).join("");
  return `<h2 id="waivers">Waivers</h2>${list.length === 0 ? "<p>No waivers: every failure is listed as it is.</p>" : `<table><tr><th>Rule</th><th>Subject</th><th>State</th><th>Status now</th><th>Approved by</th><th>Until</th><th>Reason</th></tr>${rows}</table>`}`;
}

function tenant(evidence: Evidence): string {
  if (!evidence.tenant) return "";
  const [, ...lines] = renderTenant(evidence.tenant);
  return `<h2 id="tenant">Tenant mail flow</h2><ul>${lines.map((l) => `<li>${esc(l.trim())}</li>`).join("")}</ul>`;
}

function* domains(input: ReportInput): Generator<string> {
  const { evidence, findingsOf } = input;
  yield [`<h2 id="domains">Findings by domain</h2><p class="muted">Each domain's findings and those of its MX hosts, what needs attention first; the evidence column points into evidence.json (RFC 6901).</p>`].join("");
  for (const name of Object.keys(evidence.domains).sort()) {
    const out: string[] = [];
    const d = evidence.domains[name]!;
    const all = [...findingsOf(`domain:${name}`), ...d.mx.hosts.flatMap((h) => findingsOf(`mx:${h.exchange}`))].sort(byAttention);
    out.push(`<h3 id="${anchor("d", name)}">${esc(name)} <span class="muted">(${esc(d.role.value)})</span></h3>`);
    out.push(...findingTables(all));
    // The evidence itself: every DNS answer behind these verdicts, folded (no script needed).
    const records = recordRows([...lookupsIn(d, `/domains/${name}`), ...d.mx.hosts.flatMap((h) => lookupsIn(evidence.mxHosts[h.exchange], `/mxHosts/${h.exchange}`))]);
    if (records.length > 0) {
      out.push(`<details><summary>${plural(records.length, "DNS record")} behind these findings</summary><table><tr><th>Name</th><th>Type</th><th>Answer</th><th>DNSSEC (AD)</th><th>Record</th></tr>${records.map((r) => `<tr><td>${esc(r.name)}</td><td>${esc(r.type)}</td><td>${esc(r.status)}</td><td>${r.ad ? "yes" : "no"}</td><td><code>${esc(r.record)}</code></td></tr>`).join("")}</table></details>`);
    }
    yield out.join("\n");
  }
  // The tenant, its connectors and sample messages: everything not about one domain.
  const others = [...digestOf(input).others].sort(byAttention);
  if (others.length > 0) yield* [`<h3 id="tenant-findings">The tenant, its connectors and sample messages</h3>`, ...findingTables(others)];
}

/** What applies, then (folded, no script needed) what does not. */
function findingTables(list: Finding[]): string[] {
  const head = "<tr><th>Status</th><th>Severity</th><th>Rule</th><th>Subject</th><th>Finding</th><th>Evidence</th></tr>";
  const row = (f: Finding) => `<tr>${status(f.status)}<td>${esc(f.severity)}</td><td>${esc(f.ruleId)}</td><td>${esc(subjectParts(f.subject).name)}</td><td>${esc(f.message)}</td><td><code>${f.evidence.map(esc).join("<br>")}</code></td></tr>`;
  const applies = list.filter((f) => f.status !== "not_applicable");
  const not = list.filter((f) => f.status === "not_applicable");
  return [
    `<table>${head}${applies.map(row).join("")}</table>`,
    not.length > 0 ? `<details><summary>${plural(not.length, "check")} that do not apply here</summary><table>${head}${not.map(row).join("")}</table></details>` : "",
  ];
}
