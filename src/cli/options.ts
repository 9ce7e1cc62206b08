// Parsers for option values shared by several subcommands.
import { SEVERITIES } from "../evidence/findings.js";
import { FORMATS, type Format } from "../report/write.js";
import { UsageError } from "./exit.js";

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number (got ${value})`);
    return n;
  };
}

export function parseFormats(value: string): Format[] {
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format: unknown format ${f} (choose from ${FORMATS.join(", ")})`);
  return list as Format[];
}

export type FailOn = { severities: Set<string>; onError: boolean };

/** `--fail-on high`, `--fail-on medium,error`: fail findings at that severity or above, and/or any error. */
export function parseFailOn(value: string): FailOn {
  const out: FailOn = { severities: new Set(), onError: false };
  for (const part of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (part === "error") out.onError = true;
    else {
      const i = (SEVERITIES as readonly string[]).indexOf(part);
      if (i < 0) throw new UsageError(`--fail-on: expected a severity (${SEVERITIES.join(", ")}) or error, got ${part}`);
      for (const s of SEVERITIES.slice(0, i + 1)) out.severities.add(s);
    }
  }
  return out;
}

export function reachesFailOn(findings: { status: string; severity: string }[], failOn: FailOn | undefined): boolean {
  if (!failOn) return false;
  return findings.some((f) => (f.status === "fail" && failOn.severities.has(f.severity)) || (failOn.onError && f.status === "error"));
}

export function timestampFolder(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}
