// Parsing a DMARC record into tags (RFC 7489 §6.3, §6.4), never matching substrings: a check for
// "p=reject" must not pass "p=none; sp=reject".
import type { DmarcRecord } from "../evidence/dmarc.js";

const KNOWN_TAGS = new Set(["v", "p", "sp", "np", "psd", "t", "pct", "rua", "ruf", "adkim", "aspf", "fo", "rf", "ri"]);
const POLICIES = new Set(["none", "quarantine", "reject"]);

export function parseDmarc(raw: string): DmarcRecord {
  const problems: string[] = [];
  const tags: Record<string, string> = {};
  const parts = raw.split(";").map((p) => p.trim());
  // RFC 7489 §6.4: a trailing ";" leaves an empty part, which is allowed.
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  parts.forEach((part, i) => {
    const eq = part.indexOf("=");
    if (eq <= 0) {
      problems.push(`"${part.slice(0, 40)}" is not a tag=value pair`);
      return;
    }
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (i === 0 && name !== "v") problems.push("the record must begin with v=DMARC1");
    if (name in tags) problems.push(`tag ${name} appears more than once`);
    else if (KNOWN_TAGS.has(name)) tags[name] = value;
    else problems.push(`unknown tag ${name}`);
  });
  if (tags.v !== "DMARC1") problems.push(`v must be DMARC1 (found ${tags.v ?? "none"})`);
  if (tags.p === undefined) problems.push("the p tag (policy) is missing");
  for (const t of ["p", "sp", "np"] as const) {
    const v = tags[t];
    if (v !== undefined) {
      const lower = v.toLowerCase();
      if (!POLICIES.has(lower)) problems.push(`${t}=${v} is not none, quarantine or reject`);
      else tags[t] = lower;
    }
  }
  if (tags.pct !== undefined && !/^(\d{1,2}|100)$/.test(tags.pct)) problems.push(`pct=${tags.pct} is not 0 to 100`);
  // Problems with the tags that decide policy make the record unusable; unknown tags do not
  // (RFC 7489 §6.3: unknown tags MUST be ignored), but they are reported.
  const fatal = problems.filter((p) => !p.startsWith("unknown tag"));
  const asPolicy = (v: string | undefined) => (v !== undefined && POLICIES.has(v) ? (v as "none" | "quarantine" | "reject") : null);
  const p = asPolicy(tags.p);
  const sp = asPolicy(tags.sp) ?? p;
  const policy = {
    p,
    sp,
    np: asPolicy(tags.np) ?? sp,
    pct: tags.pct !== undefined && /^\d+$/.test(tags.pct) ? Math.min(100, Number(tags.pct)) : 100,
    testing: (tags.t ?? "n").toLowerCase() === "y",
  };
  return { raw, tags, problems, valid: fatal.length === 0, policy };
}
