// The TLS-RPT record (RFC 8460 §3), parsed against its ABNF:
//   tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
//   field-delim = *WSP ";" *WSP      tlsrpt-version = %s"v=TLSRPTv1"
//   tlsrpt-rua = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)    ; mailto: or https:
//   tlsrpt-extension = tlsrpt-ext-name "=" tlsrpt-ext-value
import type { TlsRptRecord } from "../evidence/tlsrpt.js";

/** RFC 8460 §3: of the TXT records at _smtp._tls, those not beginning "v=TLSRPTv1;" are discarded. */
export const isTlsRptRecord = (text: string): boolean => /^v=TLSRPTv1[ \t]*(;|$)/.test(text);

const EXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const EXT_VALUE = /^[\x21-\x3a\x3c\x3e-\x7e]+$/;

export function parseTlsRpt(raw: string): TlsRptRecord {
  const problems: string[] = [];
  const extensions: Record<string, string> = {};
  let rua: TlsRptRecord["rua"] | null = null;
  const parts = raw.split(/[ \t]*;[ \t]*/);
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  if (parts[0] !== "v=TLSRPTv1") problems.push('the record must begin with "v=TLSRPTv1"');
  for (const part of parts.slice(1)) {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    if (part === "") problems.push("an empty field (two semicolons in a row)");
    else if (eq <= 0 || !EXT_NAME.test(name)) problems.push(`"${part.slice(0, 60)}" is not a field (name=value)`);
    else if (name === "rua") {
      if (rua !== null) problems.push("rua appears more than once");
      else rua = value.split(/[ \t]*,[ \t]*/).map(reportUri);
    } else if (name === "v") problems.push("v appears more than once");
    else if (!EXT_VALUE.test(value)) problems.push(`"${part.slice(0, 60)}" is not a field (no spaces, "=" or ";" in the value)`);
    else if (!(name in extensions)) extensions[name] = value;
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
