// The TLS-RPT record (RFC 8460 §3), parsed against its ABNF:
//   tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
//   field-delim = *WSP ";" *WSP      tlsrpt-version = %s"v=TLSRPTv1"
//   tlsrpt-rua = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)    ; mailto: or https:
//   tlsrpt-extension = tlsrpt-ext-name "=" tlsrpt-ext-value
// The splitting into fields is shared with MTA-STS (field-list.ts); the names are judged here.
import type { TlsRptRecord } from "../evidence/tlsrpt.js";
import { beginsWithVersion, isExtValue, splitFieldList } from "./field-list.js";

/** RFC 8460 §3: of the TXT records at _smtp._tls, those not beginning "v=TLSRPTv1;" are discarded. */
export const isTlsRptRecord = (text: string): boolean => beginsWithVersion(text, "v=TLSRPTv1");

export function parseTlsRpt(raw: string): TlsRptRecord {
  const problems: string[] = [];
  const extensions: Record<string, string> = {};
  let rua: TlsRptRecord["rua"] | null = null;
  const fields = splitFieldList(raw);
  if (fields.version !== "v=TLSRPTv1") problems.push('the record must begin with "v=TLSRPTv1"');
  for (const part of fields.parts) {
    if (part.kind === "empty") problems.push("an empty field (two semicolons in a row)");
    else if (part.kind === "malformed") problems.push(`"${part.text.slice(0, 60)}" is not a field (name=value)`);
    else if (part.name === "rua") {
      if (rua !== null) problems.push("rua appears more than once");
      else rua = part.value.split(/[ \t]*,[ \t]*/).map(reportUri);
    } else if (part.name === "v") problems.push("v appears more than once");
    else if (!isExtValue(part.value)) problems.push(`"${part.text.slice(0, 60)}" is not a field (no spaces, "=" or ";" in the value)`);
    else if (!(part.name in extensions)) extensions[part.name] = part.value;
  }
  if (rua === null) problems.push("the rua field is missing (RFC 8460 §3: rua is required)");
  else if (!rua.some((u) => u.valid)) problems.push("rua names no usable mailto: or https: destination");
  return { raw, valid: problems.length === 0, problems, rua: rua ?? [], extensions };
}

/** RFC 8460 §3: reports go by email (mailto:, RFC 6068) or are POSTed over HTTPS (https:). */
function reportUri(uri: string): TlsRptRecord["rua"][number] {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase() ?? "";
  let valid = false;
  if (scheme === "mailto") valid = /^mailto:[^@\s,;]+@[^@\s,;?]+(\?.*)?$/i.test(uri);
  else if (scheme === "https") {
    try {
      valid = new URL(uri).hostname !== "";
    } catch {
      valid = false;
    }
  }
  return { uri, scheme, valid };
}
