// The _mta-sts TXT record (RFC 8461 §3.1), parsed field by field against its ABNF:
//   sts-text-record = sts-version 1*(sts-sep sts-field) [sts-sep]
//   sts-version = %s"v=STSv1"   sts-id = %s"id=" 1*32(ALPHA / DIGIT)   sts-sep = *WSP ";" *WSP
//   sts-extension = sts-ext-name "=" sts-ext-value
// %s means case-sensitive: "V=stsv1" or "ID=…" do not count.
import type { MtaStsRecord } from "../../evidence/mtasts.js";

/** RFC 8461 §3.1: of the TXT records at _mta-sts, those not beginning "v=STSv1;" are discarded. */
export const isStsRecord = (text: string): boolean => /^v=STSv1[ \t]*(;|$)/.test(text);

const EXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
// sts-ext-value = 1*(%x21-3A / %x3C / %x3E-7E): visible characters but "=" and ";".
const EXT_VALUE = /^[\x21-\x3a\x3c\x3e-\x7e]+$/;
const ID = /^[A-Za-z0-9]{1,32}$/;

export function parseStsRecord(raw: string): MtaStsRecord {
  const problems: string[] = [];
  const extensions: Record<string, string> = {};
  let id: string | null = null;
  let idSeen = false;
  const parts = raw.split(/[ \t]*;[ \t]*/);
  // A trailing sts-sep leaves one empty part, which the ABNF allows.
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  if (parts[0] !== "v=STSv1") problems.push('the record must begin with "v=STSv1"');
  for (const part of parts.slice(1)) {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    if (part === "") {
      problems.push("an empty field (two semicolons in a row)");
    } else if (eq <= 0 || !EXT_NAME.test(name) || !EXT_VALUE.test(value)) {
      problems.push(`"${part.slice(0, 60)}" is not a field (name=value, no spaces, no "=" or ";" in the value)`);
    } else if (name === "id") {
      if (idSeen) problems.push("id appears more than once");
      else if (!ID.test(value)) problems.push(`id=${value.slice(0, 60)} is not 1 to 32 letters and digits`);
      else id = value;
      idSeen = true;
    } else if (name === "v") {
      problems.push("v appears more than once");
    } else if (!(name in extensions)) {
      extensions[name] = value;
    }
  }
  if (!idSeen) problems.push("the id field is missing (RFC 8461 §3.1: id is required)");
  return { raw, valid: problems.length === 0, problems, id, extensions };
}
