// Liberal reading of cmdlet properties (Postel): the admin API, Windows PowerShell 5.1 and
// PowerShell 7 serialise the same object differently — enums as names or numbers, multi-valued
// properties as arrays, comma-joined strings or null, dates as ISO or \/Date(ms)\/ — and property
// names are case-insensitive. Whatever could not be read is a warning, never a silent default.

export type RawObject = Record<string, unknown>;

export class PropertyReader {
  private readonly keys: Map<string, string>;

  constructor(
    private readonly obj: RawObject,
    /** Where the normalizer's doubts go; shared by a section. */
    private readonly warnings: string[],
    /** e.g. `Get-InboundConnector "Mimecast"`, for the warnings. */
    private readonly what: string,
  ) {
    this.keys = new Map(Object.keys(obj).map((k) => [k.toLowerCase(), k]));
  }

  has(name: string): boolean {
    return this.keys.has(name.toLowerCase());
  }

  /** PowerShell property names are case-insensitive; "X@odata.type" side keys are never matched. */
  get(name: string): unknown {
    const key = this.keys.get(name.toLowerCase());
    return key === undefined ? undefined : this.obj[key];
  }

  warn(name: string, problem: string): void {
    this.warnings.push(`${this.what}: ${name}: ${problem}`);
  }

  str(name: string): string | null {
    const v = this.get(name);
    if (v === null || v === undefined) return null;
    if (typeof v === "string") return v.trim() === "" ? null : v.trim();
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (Array.isArray(v) && v.length === 1) return this.strOf(name, v[0]);
    if (Array.isArray(v) && v.length === 0) return null;
    return this.strOf(name, v);
  }

  private strOf(name: string, v: unknown): string | null {
    if (typeof v === "string") return v.trim() === "" ? null : v.trim();
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    this.warn(name, `expected a single value, got ${describe(v)}`);
    return null;
  }

  bool(name: string): boolean | null {
    const v = this.get(name);
    if (v === null || v === undefined) return null;
    if (typeof v === "boolean") return v;
    if (typeof v === "number" && (v === 0 || v === 1)) return v === 1;
    if (typeof v === "string") {
      const s = v.trim().toLowerCase().replace(/^\$/, "");
      if (s === "true") return true;
      if (s === "false") return false;
      if (s === "") return null;
    }
    this.warn(name, `expected true or false, got ${describe(v)}`);
    return null;
  }

  int(name: string): number | null {
    const v = this.get(name);
    if (v === null || v === undefined || v === "") return null;
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isInteger(n)) return n;
    this.warn(name, `expected a whole number, got ${describe(v)}`);
    return null;
  }

  /** Arrays, comma-joined strings ("a.example, b.example"), a single value, or null (= none). */
  list(name: string): string[] {
    const v = this.get(name);
    if (v === null || v === undefined) return [];
    const items = Array.isArray(v) ? v : typeof v === "string" ? v.split(",") : [v];
    const out: string[] = [];
    for (const item of items) {
      if (typeof item === "string") {
        if (item.trim() !== "") out.push(item.trim());
      } else if (typeof item === "number" || typeof item === "boolean") out.push(String(item));
      else if (item !== null && item !== undefined) this.warn(name, `skipped an item that is ${describe(item)}`);
    }
    return out;
  }

  /**
   * An enum given by name (any case) or by number. `numbers` maps the numbers we are confident of;
   * an unknown name is kept as given, an unknown number as its digits, each with a warning, so a
   * rule comparing against a known name never matches it by accident.
   */
  enumOf<T extends string>(name: string, known: readonly T[], numbers: Record<number, T> = {}): string | null {
    const v = this.get(name);
    if (v === null || v === undefined) return null;
    if (typeof v === "number") {
      const mapped = numbers[v];
      if (mapped) return mapped;
      this.warn(name, `the number ${v} is not a known value (${known.join(", ")})`);
      return String(v);
    }
    const s = this.str(name);
    if (s === null) return null;
    const match = known.find((k) => k.toLowerCase() === s.toLowerCase());
    if (match) return match;
    this.warn(name, `"${s}" is not a known value (${known.join(", ")})`);
    return s;
  }

  /** A date as ISO 8601 where it can be read (Windows PowerShell writes \/Date(ms)\/). */
  date(name: string): string | null {
    const s = this.str(name);
    if (s === null) return null;
    const ms = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(s);
    if (ms) return new Date(Number(ms[1])).toISOString();
    const parsed = Date.parse(s);
    return Number.isNaN(parsed) ? s : new Date(parsed).toISOString();
  }

  /** A value that may come as a string or as a small object ({ "Record": … }, { "Status": … }). */
  nested(name: string, fields: readonly string[]): string | null {
    const v = this.get(name);
    if (v === null || v === undefined) return null;
    if (typeof v === "object" && !Array.isArray(v)) {
      const inner = new PropertyReader(v as RawObject, this.warnings, `${this.what}: ${name}`);
      for (const f of fields) {
        const s = inner.str(f);
        if (s !== null) return s;
      }
      this.warn(name, `none of ${fields.join(", ")} in ${describe(v)}`);
      return null;
    }
    return this.str(name);
  }
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v === null) return "null";
  if (typeof v === "object") return `an object (${Object.keys(v as object).slice(0, 4).join(", ")})`;
  return `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
}
