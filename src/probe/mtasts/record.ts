// The _mta-sts TXT record (RFC 8461 §3.1), parsed field by field against its ABNF:
//   sts-text-record = sts-version 1*(sts-sep sts-field) [sts-sep]
//   sts-version = %s"v=STSv1"   sts-id = %s"id=" 1*32(ALPHA / DIGIT)   sts-sep = *WSP ";" *WSP
//   sts-extension = sts-ext-name "=" sts-ext-value
// %s means case-sensitive: "V=stsv1" or "ID=…" do not count.
// The splitting into fields is shared with TLS-RPT (../field-list.ts); the names are judged here.
import type { MtaStsRecord } from "../../evidence/mtasts.js";
import { beginsWithVersion, isExtValue, splitFieldList } from "../field-list.js";

/** RFC 8461 §3.1: of the TXT records at _mta-sts, those not beginning "v=STSv1;" are discarded. */
export const isStsRecord = (text: string): boolean => beginsWithVersion(text, "v=STSv1");

const ID = /^[A-Za-z0-9]{1,32}$/;

export function parseStsRecord(raw: string): MtaStsRecord {
  const problems: string[] = [];
  const extensions: Record<string, string> = {};
  let id: string | null = null;
  let idSeen = false;
  const fields = splitFieldList(raw);
  if (fields.version !== "v=STSv1") problems.push('the record must begin with "v=STSv1"');
  for (const part of fields.parts) {
    if (part.kind === "empty") {
      problems.push("an empty field (two semicolons in a row)");
      continue;
    }
    if (part.kind === "malformed" || !isExtValue(part.value)) {
      problems.push(`"${part.text.slice(0, 60)}" is not a field (name=value, no spaces, no "=" or ";" in the value)`);
      continue;
    }
    const { name, value } = part;
    if (name === "id") {
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
