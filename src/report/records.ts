// The raw records kept in the evidence (every DNS answer, with its RFC 6901 pointer), for reports
// that show an auditor what a verdict rests on: the workbook's Evidence sheet and the HTML page.
import type { DnsLookup } from "../evidence/common.js";

export interface FoundLookup { pointer: string; lookup: DnsLookup }

function isLookup(v: unknown): v is DnsLookup {
  const o = v as Partial<DnsLookup> | null;
  return !!o && typeof o === "object" && typeof o.name === "string" && typeof o.type === "string" && typeof o.status === "string" && Array.isArray(o.records) && typeof o.ad === "boolean";
}

/** Every DNS lookup under `value` (an evidence section), depth first, with its pointer. */
export function lookupsIn(value: unknown, pointer: string, out: FoundLookup[] = []): FoundLookup[] {
  if (isLookup(value)) out.push({ pointer, lookup: value });
  else if (Array.isArray(value)) value.forEach((v, i) => lookupsIn(v, `${pointer}/${i}`, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) lookupsIn(v, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
  }
  return out;
}

/** One row a record (or one for an empty answer), each (name, type, record) once. */
export function recordRows(found: FoundLookup[]): { name: string; type: string; status: string; ad: boolean; record: string; pointer: string }[] {
  const seen = new Set<string>();
  const rows = [];
  for (const { pointer, lookup: l } of found) {
    const answers = l.records.length > 0 ? l.records : [l.status === "nxdomain" ? "(no such name)" : "(no record of this type)"];
    for (const r of answers) {
      const key = `${l.name}|${l.type}|${r}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ name: l.name, type: l.type, status: l.status, ad: l.ad, record: l.cnameChain.length > 0 ? `${r} (via CNAME ${l.cnameChain.join(" → ")})` : r, pointer });
    }
  }
  return rows;
}
