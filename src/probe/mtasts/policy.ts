// The MTA-STS policy file (RFC 8461 §3.2), parsed line by line:
//   sts-policy-record = sts-policy-field *WSP *(sts-policy-term sts-policy-field *WSP) [sts-policy-term]
//   sts-policy-term = LF / CRLF      sts-policy-field-delim = ":" *WSP
// Keys and the values of version and mode are case-sensitive (%s in the ABNF).
import type { MtaStsPolicy } from "../../evidence/mtasts.js";
import { normalizeMxPattern } from "./mx-pattern.js";

/** RFC 8461 §3.2: max_age is at most 31557600 seconds (about a year). */
export const MAX_AGE_LIMIT = 31_557_600;

const MODES = new Set(["enforce", "testing", "none"]);
const FIELD = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,31}):[ \t]*(.*?)[ \t]*$/;
const KNOWN = new Set(["version", "mode", "max_age", "mx"]);

export function parsePolicy(body: string): MtaStsPolicy {
  const problems: string[] = [];
  const notes: string[] = [];
  const first = new Map<string, string>();
  const extensions: Record<string, string> = {};
  const mx: string[] = [];

  if (body.startsWith("\uFEFF")) problems.push("the policy begins with a byte-order mark, so its first key is not \"version\"");
  const lines = body.split("\n").map((l) => l.replace(/\r$/, ""));
  // The final sts-policy-term is optional; after it the split leaves one empty line.
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === "") {
      notes.push(`line ${n} is blank`);
      return;
    }
    const m = FIELD.exec(line);
    if (!m) {
      problems.push(`line ${n} is not "key: value": ${JSON.stringify(line.slice(0, 60))}`);
      return;
    }
    const [, key, value] = m as unknown as [string, string, string];
    if (key === "mx") {
      mx.push(value);
      return;
    }
    // RFC 8461 §3.2: of a repeated field (any but mx), all entries except the first SHALL be ignored.
    if (first.has(key)) {
      notes.push(`line ${n}: ${key} appears again and is ignored (the first one counts)`);
      return;
    }
    first.set(key, value);
    // RFC 8461 §3.2: unknown fields SHALL be ignored (kept here so a reader sees them).
    if (!KNOWN.has(key)) {
      extensions[key] = value;
      notes.push(`line ${n}: unknown key ${key} is ignored`);
    }
  });

  const version = first.get("version") ?? null;
  if (version === null) problems.push("version is missing");
  else if (version !== "STSv1") problems.push(`version is ${JSON.stringify(version)}, not STSv1`);

  const rawMode = first.get("mode");
  const mode = rawMode !== undefined && MODES.has(rawMode) ? (rawMode as MtaStsPolicy["mode"]) : null;
  if (rawMode === undefined) problems.push("mode is missing");
  else if (mode === null) problems.push(`mode is ${JSON.stringify(rawMode)}, not enforce, testing or none`);

  const rawMaxAge = first.get("max_age");
  // sts-policy-max-age-value = 1*10(DIGIT), at most 31557600.
  const maxAge = rawMaxAge !== undefined && /^\d{1,10}$/.test(rawMaxAge) && Number(rawMaxAge) <= MAX_AGE_LIMIT ? Number(rawMaxAge) : null;
  if (rawMaxAge === undefined) problems.push("max_age is missing");
  else if (maxAge === null) problems.push(`max_age is ${JSON.stringify(rawMaxAge)}, not a whole number of seconds from 0 to ${MAX_AGE_LIMIT}`);

  const patterns: string[] = [];
  for (const value of mx) {
    const p = normalizeMxPattern(value);
    if (p === null) problems.push(`mx ${JSON.stringify(value)} is not a host name or a *. wildcard of one`);
    else patterns.push(p);
  }
  // RFC 8461 §3.2: mx is required at least once, except when mode is none.
  if (mx.length === 0 && mode !== "none") problems.push("no mx line: mx is required unless mode is none");

  return { valid: problems.length === 0, problems, notes, version, mode, maxAge, mx: patterns, extensions };
}
