// Parsing a DMARC record into tags (RFC 7489 §6.3, §6.4; RFC 9989 §4.7, §4.8), never matching
// substrings: a check for "p=reject" must not pass "p=none; sp=reject".
//
// Problems make receivers ignore the record: v not first or not exactly DMARC1, a duplicate tag
// (RFC 6376 §3.2, whose tag-list DMARC reuses). A p missing or invalid, or an sp or np invalid, is
// one too unless rua holds a usable URI: then RFC 9989 §4.10.1 has receivers "act as if a record
// containing p=none was retrieved and continue processing" (draft-ietf-dmarc-dmarcbis-41, the
// text published as RFC 9989), so the record applies, as p=none, and says why in a warning.
// Warnings are what receivers ignore while still applying the record: unknown tags, bad optional
// values, unusable URIs.
import type { DmarcPolicy, DmarcRecord } from "../../evidence/dmarc.js";
import { isPrintableAscii, listSome, printable, splitTagList } from "../tag-list.js";
import { parseReportUris } from "./report-uri.js";

const KNOWN_TAGS = new Set(["v", "p", "sp", "np", "psd", "t", "pct", "rua", "ruf", "adkim", "aspf", "fo", "rf", "ri"]);
const POLICIES = new Set<string>(["none", "quarantine", "reject"]);

export function parseDmarc(raw: string): DmarcRecord {
  const problems: string[] = [];
  const warnings: string[] = [];
  const { tags: list, malformed } = splitTagList(raw);

  // RFC 7489 §6.3 and RFC 9989 §4.7: v is the first tag and its value is exactly "DMARC1".
  const first = list[0];
  if (!first || first.index !== 0 || first.name.toLowerCase() !== "v") problems.push("the record must begin with v=DMARC1");
  else if (first.value !== "DMARC1") problems.push(`v must be exactly DMARC1 (case-sensitive), found "${printable(first.value)}"`);

  const tags = new Map<string, string>();
  const duplicates = new Set<string>();
  const unknown: string[] = [];
  for (const t of list) {
    const name = t.name.toLowerCase();
    if (tags.has(name) || duplicates.has(name)) duplicates.add(name);
    else if (KNOWN_TAGS.has(name)) tags.set(name, t.value);
    else unknown.push(printable(t.name, 20));
  }
  if (duplicates.size > 0) {
    problems.push(`tag${duplicates.size > 1 ? "s" : ""} ${listSome([...duplicates])} appear${duplicates.size > 1 ? "" : "s"} more than once, which makes the whole record invalid (RFC 6376 §3.2)`);
  }
  if (unknown.length > 0) warnings.push(`${unknown.length} unknown tag${unknown.length > 1 ? "s" : ""}, which receivers ignore (RFC 9989 §4.7): ${listSome(unknown)}`);
  if (malformed.length > 0) warnings.push(`${malformed.length} part${malformed.length > 1 ? "s" : ""} not of the form tag=value, which receivers ignore: ${listSome(malformed, 3)}`);
  // Tabs may separate tags (WSP); anything else outside printable ASCII cannot be in a record.
  if (!isPrintableAscii(raw.replace(/\t/g, " "))) warnings.push("the record holds characters outside printable ASCII, which no DMARC tag value may contain (RFC 9989 §4.8)");

  // Policy problems: what RFC 9989 §4.10.1 turns into p=none when rua is usable (below).
  const policyProblems: string[] = [];
  const pTag = list.find((t) => t.name.toLowerCase() === "p");
  if (!pTag) {
    policyProblems.push("the p tag (policy) is missing");
  } else if (pTag.index !== 1) {
    // RFC 7489 §6.3: "the v and p tags MUST be present and MUST appear in that order", and the
    // grammar of §6.4 puts p right after v. RFC 9989 §4.8 drops the order, so this only warns.
    warnings.push("p is not the second tag: RFC 7489 §6.4 puts it right after v, and receivers that follow it strictly may ignore the record");
  }

  const policy = (name: "p" | "sp" | "np"): DmarcPolicy | null => {
    const v = tags.get(name);
    if (v === undefined) return null;
    if (POLICIES.has(v.toLowerCase())) return v.toLowerCase() as DmarcPolicy;
    policyProblems.push(`${name}=${printable(v)} is not none, quarantine or reject`);
    return null;
  };
  let p = policy("p");
  let sp = policy("sp") ?? p;
  let np = policy("np") ?? sp;

  const optional = (name: string, ok: RegExp, meaning: string): string | null => {
    const v = tags.get(name);
    if (v === undefined) return null;
    if (ok.test(v)) return v.toLowerCase();
    warnings.push(`${name}=${printable(v)} is not ${meaning}, so receivers use the default`);
    return null;
  };
  const pct = optional("pct", /^\d{1,3}$/, "a number from 0 to 100");
  const pctValue = pct !== null && Number(pct) <= 100 ? Number(pct) : 100;
  if (pct !== null && Number(pct) > 100) warnings.push(`pct=${pct} is over 100, so receivers use 100`);
  // RFC 9989 Appendix A.6: pct is historic; only 0 and 100 were applied consistently, and t=y / t=n
  // replace them. pct=0 asks what t=y asks (RFC 7489 §6.6.4: mail not sampled gets the policy one
  // level lower), so it counts as testing; any other value below 100 is applied as the policy by
  // receivers that follow RFC 9989 and to only a sample by older ones.
  if (pctValue === 0) warnings.push("pct=0 is historic (RFC 9989 Appendix A.6): receivers read it as t=y and apply the policy one level lower (RFC 7489 §6.6.4); use t=y to test, or remove it");
  else if (pctValue < 100) warnings.push(`pct=${pctValue} is historic (RFC 9989 Appendix A.6): receivers that follow RFC 9989 apply the policy to all failing mail, older ones (RFC 7489 §6.6.4) to about ${pctValue}% of it and one level lower to the rest; remove it, or use t=y to test`);
  const t = optional("t", /^[yn]$/i, "y or n");
  const psd = optional("psd", /^[ynu]$/i, "y, n or u");
  optional("adkim", /^[rs]$/i, "r or s");
  optional("aspf", /^[rs]$/i, "r or s");
  optional("fo", /^[01ds](\s*:\s*[01ds])*$/i, "a colon-separated list of 0, 1, d and s");
  optional("rf", /^[a-z0-9-]+(\s*:\s*[a-z0-9-]+)*$/i, "a list of report formats");
  optional("ri", /^\d{1,10}$/, "a number of seconds");

  const uris = (name: "rua" | "ruf") => {
    const v = tags.get(name);
    if (v === undefined) return [];
    const list = parseReportUris(v);
    const bad = list.filter((u) => u.problem !== null);
    if (bad.length > 0) warnings.push(`${name}: ${bad.length} of ${list.length} URI${list.length > 1 ? "s" : ""} cannot be used: ${listSome(bad.map((u) => u.problem!), 3)}`);
    return list;
  };
  const rua = uris("rua");
  const ruf = uris("ruf");

  if (policyProblems.length > 0) {
    if (problems.length === 0 && rua.some((u) => u.problem === null)) {
      // RFC 9989 §4.10.1: with a usable rua the record applies, as p=none for every name it covers.
      warnings.push(`${policyProblems.join("; ")}: receivers act as if the record said p=none, because rua holds a usable URI (RFC 9989 §4.10.1)`);
      p = sp = np = "none";
    } else {
      problems.push(`${policyProblems.join("; ")}, and rua holds no usable URI: receivers apply no DMARC policy at all (RFC 9989 §4.10.1)`);
    }
  }

  return {
    raw,
    tags: Object.fromEntries(tags),
    problems,
    warnings,
    valid: problems.length === 0,
    policy: { p, sp, np, pct: pctValue, testing: t === "y" || pctValue === 0 },
    psd: (psd ?? "u") as DmarcRecord["psd"],
    rua,
    ruf,
  };
}
