// TXT records as probes read them: RFC 7208 §3.3 and RFC 7489 §6.6.3 concatenate a record's
// character-strings without adding spaces.
import type { DnsAnswer } from "../dns/types.js";

export interface TxtRecord { text: string; strings: string[] }

export function txtRecords(answer: DnsAnswer): TxtRecord[] {
  return answer.records.map((r) => {
    const strings = Array.isArray(r.data) ? (r.data as string[]) : [];
    return { text: strings.join(""), strings };
  });
}
