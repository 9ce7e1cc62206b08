// Evidence: the raw records behind the verdicts, one row a record, so an auditor can check a
// finding without reading the JSON: every DNS answer kept in the evidence (TXT, MX, TLSA, …, with
// its JSON Pointer), each MTA-STS policy as served, and the tenant's connector settings.
import type { Evidence } from "../../evidence/evidence.js";
import { type FoundLookup, lookupsIn, recordRows } from "../records.js";
import { type Book, Sheet } from "./sheet.js";
import { text } from "./style.js";

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

export async function evidenceSheet(book: Book, evidence: Evidence): Promise<void> {
  const ws = new Sheet(book, "Evidence", COLUMNS, { filter: true });
  const emit = (subject: string, found: FoundLookup[]) => {
    for (const r of recordRows(found)) ws.add([text(subject), text(r.name), r.type, r.status, r.ad ? "yes" : "no", text(r.record), text(r.pointer)]);
  };
  for (const name of Object.keys(evidence.domains).sort()) {
    const d = evidence.domains[name]!;
    emit(`domain:${name}`, lookupsIn(d, `/domains/${name}`));
    await ws.flow();
    const body = d.mtaSts.policy?.body;
    if (body) ws.add([text(`domain:${name}`), text(`https://mta-sts.${name}/.well-known/mta-sts.txt`), "HTTPS", "body", "", text(body), text(`/domains/${name}/mtaSts/policy/body`)]);
  }
  for (const host of Object.keys(evidence.mxHosts).sort()) {
    emit(`mx:${host}`, lookupsIn(evidence.mxHosts[host], `/mxHosts/${host}`));
    await ws.flow();
  }
  const t = evidence.tenant;
  if (t) {
    t.connectors.forEach((c, i) => {
      for (const [field, value] of Object.entries(c)) {
        if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
        ws.add([text(`connector:${c.name}`), text(field), "tenant", c.direction, "", text(Array.isArray(value) ? value.join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value)), `/tenant/connectors/${i}/${field}`]);
      }
    });
  }
  ws.end();
}
