// The RFC 7208 test suite's zonedata as zones for the sandbox DNS server, read the way the suite's
// reference driver (pyspf's testspf.py) reads it:
// - names are absolute and not under one origin, so one zone with origin "." holds them all;
// - "SPF" entries are served as type SPF (99) and, for a name with no "TXT" entry, as TXT too
//   (the suite's "auto-magic duplication", see its header); "TXT: NONE" means no TXT records;
// - "TIMEOUT" makes the server never answer that name for every type it has no records of;
// - strings are bytes: "\xEF" in the YAML is the byte 0xEF, not U+00EF encoded as UTF-8.
import type { WorldRecord, Zone } from "../../src/sandbox/dns/zone.js";

type Entry = "TIMEOUT" | Record<string, unknown>;

const TYPES = ["A", "AAAA", "MX", "TXT", "SPF", "PTR", "CNAME"];

export function suiteZone(zonedata: Record<string, Entry[]>): { zone: Zone; silent: string[] } {
  const records: WorldRecord[] = [];
  const silent: string[] = [];
  for (const [rawName, entries] of Object.entries(zonedata)) {
    const name = rawName.replace(/\.$/, "").toLowerCase();
    const own: WorldRecord[] = [];
    const spf: Buffer[][] = [];
    let timeout = false;
    let txtListed = false;
    const add = (type: string, data: unknown) => own.push({ name, type, ttl: 300, data });
    for (const entry of entries) {
      if (entry === "TIMEOUT") {
        timeout = true;
        continue;
      }
      const [type, value] = Object.entries(entry)[0]!;
      switch (type) {
        case "A": case "AAAA":
          add(type, String(value));
          break;
        case "PTR": case "CNAME":
          add(type, String(value).replace(/\.$/, ""));
          break;
        case "MX": {
          const [preference, exchange] = value as [number, string];
          add(type, { preference, exchange: exchange === "" ? "." : exchange.replace(/\.$/, "") });
          break;
        }
        case "TXT":
          txtListed = true;
          if (value !== "NONE") add(type, characterStrings(value));
          break;
        case "SPF":
          spf.push(characterStrings(value));
          add(type, characterStrings(value));
          break;
        default:
          throw new Error(`RFC 7208 suite: record type ${type} at ${rawName} is not supported`);
      }
    }
    if (!txtListed) for (const strings of spf) add("TXT", strings);
    if (timeout) {
      if (own.length === 0) silent.push(name);
      else for (const t of TYPES) if (!own.some((r) => r.type === t)) silent.push(`${name}|${t}`);
    }
    records.push(...own);
  }
  return { zone: { origin: ".", dnssec: "insecure", records }, silent };
}

/** A YAML string (or list of strings) as the character-strings of one record. */
function characterStrings(value: unknown): Buffer[] {
  const list = Array.isArray(value) ? value.map(String) : [String(value)];
  return list.map((s) => ([...s].every((c) => c.charCodeAt(0) <= 0xff) ? Buffer.from(s, "latin1") : Buffer.from(s, "utf8")));
}
