// Parsers for option values shared by several subcommands.
import { type Command, Option } from "commander";
import { SEVERITIES } from "../evidence/levels.js";
import { FORMATS, type Format, isFormat, REPORT_FORMATS } from "../report/registry.js";
import { EXIT, UsageError } from "./exit.js";

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

/** `--deadline 90s`, `15m`, `2h`, or plain seconds: a duration, in milliseconds. */
export function parseDuration(name: string) {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return (value: string): number => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
    const ms = m ? Math.round(Number(m[1]) * units[m[2] ?? "s"]!) : NaN;
    if (!(ms > 0) || !Number.isFinite(ms) || ms > 2 ** 31 - 1) {
      throw new UsageError(`${name} must be a duration such as 90s, 15m or 2h, at most 24 days (got ${value})`);
    }
    return ms;
  };
}

/** `--format json,csv`: ids of the report registry (src/report/registry.ts); `all` is every one. */
export function parseFormats(value: string): Format[] {
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new UsageError(`--format: no format given (choose from ${FORMATS.join(", ")}, or all)`);
  if (list.includes("all")) return [...FORMATS];
  for (const f of list) if (!isFormat(f)) throw new UsageError(`--format: unknown format ${f} (choose from ${FORMATS.join(", ")}, or all)`);
  return [...new Set(list)] as Format[];
}

/** --format, listed from the registry: the option, and the block of formats --help prints after the options. */
export function formatOption(): Option {
  return new Option("--format <list>", `report formats, comma-separated: ${FORMATS.join(", ")}, or all (see Formats below)`).argParser(parseFormats).default(parseFormats("all"), "all");
}

export function formatsHelp(): string {
  return `\nFormats (--format):\n${REPORT_FORMATS.map((f) => `  ${f.id.padEnd(5)} ${f.description}`).join("\n")}`;
}

export type FailOn = { severities: Set<string>; onError: boolean };

/**
 * `--fail-on high`, `--fail-on medium,error`: a finding at that severity or above that failed or
 * could not be assessed (unknown is never pass), and/or, with `error`, any finding not assessed.
 */
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

export function reachesFailOn(findings: Iterable<{ status: string; severity: string }>, failOn: FailOn | undefined): boolean {
  if (!failOn) return false;
  for (const f of findings) if (((f.status === "fail" || f.status === "error") && failOn.severities.has(f.severity)) || (failOn.onError && f.status === "error")) return true;
  return false;
}

export function timestampFolder(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

export const FAIL_ON_HELP =
  "exit 1 when a check at this severity or above (high, medium, low, info) failed or could not be assessed (an unknown is never a pass); add error to exit 1 on any check not assessed, whatever its severity; comma-separated, e.g. high,error";

/**
 * With -q a run prints nothing, and silence must not read as clean: an incomplete run still says
 * so, in one line on stderr.
 */
export function quietIncomplete(findings: { assessment: { complete: boolean; couldNotAssess: number; causes: { code: string }[] } }, files: string[]): string {
  const a = findings.assessment;
  if (a.complete) return "";
  const where = files.find((f) => f.endsWith("checklist.md")) ?? files.find((f) => f.endsWith("findings.json"));
  return `exo-posture: incomplete: ${a.couldNotAssess} check(s) could not be assessed (${a.causes.map((c) => c.code).join(", ")})${where ? `; see ${where}` : ""}\n`;
}

/**
 * The exit code of a finished run: 3 when a report could not be written (each said in one line on
 * stderr, after the summary; the others were written), else 1 when --fail-on is reached, else 0.
 */
export function runExitCode(findings: Iterable<{ status: string; severity: string }>, failOn: FailOn | undefined, reportFailures: readonly { format: string; reason: string }[] = []): number {
  for (const f of reportFailures) process.stderr.write(`exo-posture: the ${f.format} report could not be written: ${f.reason}\n`);
  if (reportFailures.length > 0) return EXIT.failed;
  return reachesFailOn(findings, failOn) ? EXIT.threshold : EXIT.ok;
}

/** The rule pack, config and data catalogue options of the commands that judge saved evidence offline (evaluate, merge). */
export function judgingOptions(command: Command, rulesDir: string): Command {
  return command
    .option("--rules <dir>", "the rule pack folder", rulesDir)
    .option("--config <yaml>", "your parameters, severity overrides and waivers")
    .option("--data <file>", "an extra gateway / encrypted-portal catalogue file (repeatable)", collect, []);
}

/** --format, --fail-on and --quiet of a command that writes reports, and its --help's formats and examples. */
export function reportOptions(command: Command, examples: string[]): Command {
  return command
    .addOption(formatOption())
    .option("--fail-on <list>", FAIL_ON_HELP)
    .option("-q, --quiet", "print nothing but errors, and one line when checks could not be assessed")
    .addHelpText("after", `${formatsHelp()}\n\nExamples:\n${examples.map((e) => `  ${e}`).join("\n")}`);
}
