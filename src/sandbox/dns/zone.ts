// Zone data for the sandbox world, written as short zone-file lines ("@ MX 10 mx1") so that a world
// reads like the DNS it stands for.

export type Dnssec = "secure" | "insecure" | "bogus";

export interface WorldRecord {
  name: string;
  type: string;
  ttl: number;
  /** In dns-packet's form for that type. */
  data: unknown;
}

export interface Zone {
  origin: string;
  /** How a validating resolver would see this zone (the sandbox has no real signatures). */
  dnssec: Dnssec;
  records: WorldRecord[];
}

/**
 * Parses lines of `name [ttl] TYPE rdata`. `@` is the origin; names without a final dot are relative.
 * TXT rdata is one or more "quoted strings" (RFC 1035 §5.1 escapes \" and \\ and \DDD).
 */
export function zone(origin: string, dnssec: Dnssec, lines: string[]): Zone {
  const records = lines.filter((l) => l.trim() !== "" && !l.trim().startsWith(";")).map((line) => parseLine(origin, line));
  return { origin: origin.toLowerCase(), dnssec, records };
}

function absolute(origin: string, name: string): string {
  if (name === "@") return origin.toLowerCase();
  if (name.endsWith(".")) return name.slice(0, -1).toLowerCase() || ".";
  // A name already ending in the origin is taken as written: "x.outlook.com" in zone outlook.com
  // means x.outlook.com, not x.outlook.com.outlook.com (the zone-file reading is a trap here).
  const lower = name.toLowerCase();
  const o = origin.toLowerCase();
  if (o !== "." && (lower === o || lower.endsWith(`.${o}`))) return lower;
  return o === "." ? lower : `${lower}.${o}`;
}

function parseLine(origin: string, line: string): WorldRecord {
  const m = /^\s*(\S+)\s+(?:(\d+)\s+)?([A-Za-z0-9]+)\s+(.*)$/.exec(line);
  if (!m) throw new Error(`sandbox zone ${origin}: cannot read line: ${line}`);
  const [, owner, ttl, rawType, rdata] = m as unknown as [string, string, string | undefined, string, string];
  const type = rawType.toUpperCase();
  const name = absolute(origin, owner);
  const rec = (data: unknown): WorldRecord => ({ name, type, ttl: ttl ? Number(ttl) : 300, data });
  const f = rdata.trim().split(/\s+/);
  switch (type) {
    case "A": case "AAAA": return rec(f[0]);
    case "CNAME": case "NS": case "PTR": return rec(absolute(origin, f[0]!));
    case "MX": return rec({ preference: Number(f[0]), exchange: f[1] === "." ? "." : absolute(origin, f[1]!) });
    case "TXT": case "SPF": return rec(quotedStrings(rdata).map((s) => Buffer.from(s, "latin1")));
    case "TLSA":
      return rec({ usage: Number(f[0]), selector: Number(f[1]), matchingType: Number(f[2]), certificate: Buffer.from(f.slice(3).join(""), "hex") });
    default:
      throw new Error(`sandbox zone ${origin}: type ${type} is not supported`);
  }
}

function quotedStrings(rdata: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(rdata); m; m = re.exec(rdata)) {
    out.push(m[1]!.replace(/\\(\d{3}|.)/g, (_, e: string) => (e.length === 3 ? String.fromCharCode(Number(e)) : e)));
  }
  if (out.length === 0) throw new Error(`TXT rdata must be quoted strings: ${rdata}`);
  return out;
}
