// Evidence: the raw records behind the verdicts, one row a record, so an auditor can check a
// finding without reading the JSON: every DNS answer kept in the evidence (TXT, MX, TLSA, …, with
// its JSON Pointer), each MTA-STS policy as served, and the tenant's connector settings.
import type ExcelJS from "exceljs";
import type { Evidence } from "../../evidence/evidence.js";
import type { DnsLookup } from "../../evidence/common.js";
import { addSheet, text } from "./style.js";

const COLUMNS = [
  { header: "Subject", width: 30, wrap: true },
  { header: "Question", width: 34, wrap: true },
  { header: "Type", width: 10 },
  { header: "Answer", width: 10 },
  { header: "DNSSEC (AD)", width: 11 },
  { header: "Record or value", width: 72, wrap: true },
  // Not wrapped: LibreOffice breaks a pointer at every "/", so its height cannot be foreseen.
  { header: "In evidence.json", width: 46 },
];

function isLookup(v: unknown): v is DnsLookup {
  const o = v as Partial<DnsLookup> | null;
  return !!o && typeof o === "object" && typeof o.name === "string" && typeof o.type === "string" && typeof o.status === "string" && Array.isArray(o.records) && typeof o.ad === "boolean";
}

/** Every DNS lookup under `value`, with its RFC 6901 pointer. */
function lookupsIn(value: unknown, pointer: string, out: { pointer: string; lookup: DnsLookup }[] = []): { pointer: string; lookup: DnsLookup }[] {
  if (isLookup(value)) out.push({ pointer, lookup: value });
  else if (Array.isArray(value)) value.forEach((v, i) => lookupsIn(v, `${pointer}/${i}`, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) lookupsIn(v, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
  }
  return out;
}

export function evidenceSheet(wb: ExcelJS.Workbook, evidence: Evidence): void {
  const ws = addSheet(wb, "Evidence", COLUMNS);
  const seen = new Set<string>();
  const emit = (subject: string, pointer: string, l: DnsLookup) => {
    const answers = l.records.length > 0 ? l.records : [l.status === "nxdomain" ? "(no such name)" : "(no record of this type)"];
    for (const r of answers) {
      const key = `${subject}|${l.name}|${l.type}|${r}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ws.addRow([text(subject), text(l.name), l.type, l.status, l.ad ? "yes" : "no", text(l.cnameChain.length > 0 ? `${r} (via CNAME ${l.cnameChain.join(" → ")})` : r), text(pointer)]);
    }
  };
  for (const name of Object.keys(evidence.domains).sort()) {
    const d = evidence.domains[name]!;
    for (const { pointer, lookup } of lookupsIn(d, `/domains/${name}`)) emit(`domain:${name}`, pointer, lookup);
    const body = d.mtaSts.policy?.body;
    if (body) ws.addRow([text(`domain:${name}`), text(`https://mta-sts.${name}/.well-known/mta-sts.txt`), "HTTPS", "body", "", text(body), text(`/domains/${name}/mtaSts/policy/body`)]);
  }
  for (const host of Object.keys(evidence.mxHosts).sort()) {
    for (const { pointer, lookup } of lookupsIn(evidence.mxHosts[host], `/mxHosts/${host}`)) emit(`mx:${host}`, pointer, lookup);
  }
  const t = evidence.tenant;
  if (t) {
    t.connectors.forEach((c, i) => {
      for (const [field, value] of Object.entries(c)) {
        if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
        ws.addRow([text(`connector:${c.name}`), text(field), "tenant", c.direction, "", text(Array.isArray(value) ? value.join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value)), `/tenant/connectors/${i}/${field}`]);
      }
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
}
