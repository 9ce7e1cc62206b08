// Parsing a DKIM key record (RFC 6376 §3.6.1): v, h, k, n, p, s and t. Tag names are
// case-sensitive (RFC 6376 §3.2); unknown tags are ignored; a duplicate tag makes the record invalid.
import type { DkimKey } from "../../evidence/dkim.js";
import { isPrintableAscii, listSome, printable, splitTagList } from "../tag-list.js";
import { readPublicKey } from "./public-key.js";

const KNOWN_TAGS = new Set(["v", "h", "k", "n", "p", "s", "t"]);
const KEY_TYPES = new Set(["rsa", "ed25519"]);
const colonList = (v: string) => v.split(":").map((x) => x.trim()).filter((x) => x !== "");

export function parseDkimKey(raw: string): DkimKey {
  const problems: string[] = [];
  const warnings: string[] = [];
  const { tags: list, malformed } = splitTagList(raw);
  const tags = new Map<string, string>();
  const duplicates = new Set<string>();
  const unknown: string[] = [];
  for (const t of list) {
    if (tags.has(t.name) || duplicates.has(t.name)) duplicates.add(t.name);
    else if (KNOWN_TAGS.has(t.name)) tags.set(t.name, t.value);
    else unknown.push(printable(t.name, 20));
  }
  if (duplicates.size > 0) problems.push(`tag ${listSome([...duplicates])} appears more than once, which makes the record invalid (RFC 6376 §3.2)`);
  if (unknown.length > 0) warnings.push(`${unknown.length} unknown tag${unknown.length > 1 ? "s" : ""}, which verifiers ignore: ${listSome(unknown)}`);
  if (malformed.length > 0) problems.push(`not a tag=value list: ${listSome(malformed, 3)}`);
  // White space (FWS) may fold a record; anything else outside printable ASCII cannot be in it.
  if (!isPrintableAscii(raw.replace(/[\t\r\n]/g, " "))) problems.push("the record holds characters outside printable ASCII");

  // v=: optional, but when present it is "DKIM1" and the first tag.
  const v = tags.get("v");
  if (v !== undefined && v !== "DKIM1") problems.push(`v=${printable(v)}: a key record's v must be DKIM1, and verifiers discard others`);
  if (v !== undefined && list[0]?.name !== "v") problems.push("v= must be the first tag of a key record");

  const keyType = (tags.get("k") ?? "rsa").toLowerCase();
  // RFC 6376 §3.6.1: "Unrecognized key types MUST be ignored" — the key is unusable.
  if (!KEY_TYPES.has(keyType)) problems.push(`k=${printable(keyType)} is not a key type verifiers know (rsa, ed25519)`);

  const h = tags.get("h");
  const hashAlgorithms = h === undefined ? null : colonList(h).map((x) => x.toLowerCase());
  // RFC 8301 §3.1: verifiers must not accept rsa-sha1 signatures, so h=sha1 alone leaves nothing.
  if (hashAlgorithms && !hashAlgorithms.includes("sha256")) problems.push(`h=${printable(h!)} does not allow sha256, and RFC 8301 §3.1 rules out sha1`);

  const s = tags.get("s");
  const serviceTypes = s === undefined ? ["*"] : colonList(s).map((x) => x.toLowerCase());
  if (!serviceTypes.includes("*") && !serviceTypes.includes("email")) problems.push(`s=${printable(s!)}: the key is not for email`);

  const flags = colonList(tags.get("t") ?? "").map((x) => x.toLowerCase());
  if (flags.includes("y")) warnings.push("t=y: the domain is testing DKIM, and verifiers may treat its signatures as unsigned (RFC 6376 §3.6.1)");

  const p = tags.get("p");
  const revoked = p !== undefined && p.replace(/[ \t\r\n]+/g, "") === "";
  let publicKey: DkimKey["publicKey"] = null;
  if (p === undefined) {
    problems.push("the p tag (the public key) is missing, so this is not a key record");
  } else if (!revoked && KEY_TYPES.has(keyType)) {
    const reading = readPublicKey(keyType, p);
    if (reading.ok) {
      publicKey = reading.key;
      if (reading.warning) warnings.push(reading.warning);
    } else {
      problems.push(reading.problem);
    }
  }
  return {
    raw,
    tags: Object.fromEntries(tags),
    problems,
    warnings,
    valid: problems.length === 0 && !revoked,
    revoked,
    keyType,
    hashAlgorithms,
    serviceTypes,
    flags,
    publicKey,
  };
}
