// The URIs of rua and ruf (RFC 9989 §4.6, §4.7, §4.8): a comma-separated list of URIs, each with an
// optional "!size" limit, obsolete since RFC 9989 (obs-dmarc-report-size, which reporters ignore). Receivers must support mailto: and ignore schemes they do not support.
import { normalizeDomain } from "../../dns/name.js";
import type { ReportUri } from "../../evidence/dmarc.js";
import { printable } from "../tag-list.js";

export function parseReportUris(value: string): ReportUri[] {
  return value.split(",").map((raw) => parseReportUri(raw.trim()));
}

export function parseReportUri(raw: string): ReportUri {
  const uri = (u: string, scheme: string | null, host: string | null, size: string | null, problem: string | null): ReportUri =>
    ({ raw, uri: u, scheme, host, size, problem });
  if (raw === "") return uri("", null, null, null, "an empty URI");
  // RFC 9989 §4.8 (dmarc-uri): commas and "!" inside a URI must be %-encoded, so a "!" left marks the size limit.
  const sized = /^(.*)!(\d+[kmgt]?)$/i.exec(raw);
  const base = sized ? sized[1]! : raw;
  const size = sized ? sized[2]!.toLowerCase() : null;
  if (base.includes("!")) return uri(base, null, null, size, `"${printable(raw)}" has a "!" that is not a size limit (RFC 9989 §4.8)`);
  const m = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(base);
  if (!m) return uri(base, null, null, size, `"${printable(raw)}" is not a URI (no scheme such as mailto:)`);
  const scheme = m[1]!.toLowerCase();
  const rest = m[2]!;
  if (scheme === "mailto") return mailto(raw, rest, size);
  if (scheme === "https") {
    let host: string;
    try {
      host = new URL(base).hostname.toLowerCase();
    } catch {
      return uri(base, scheme, null, size, `"${printable(raw)}" is not a valid https URI`);
    }
    return uri(`https:${rest}`, scheme, host, size, null);
  }
  // RFC 9989 §4.7 (rua, ruf): "URIs involving schemes not supported by Mail Receivers MUST be ignored".
  return uri(`${scheme}:${rest}`, scheme, null, size, `receivers must support only mailto: (RFC 9989 §4.7), so ${printable(scheme, 20)}: URIs are ignored`);
}

function mailto(raw: string, rest: string, size: string | null): ReportUri {
  // RFC 6068: mailto:addr-spec[?headers]; a report goes to the address before any "?".
  const address = rest.split("?")[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(address);
  } catch {
    decoded = address;
  }
  const at = decoded.lastIndexOf("@");
  const out = (host: string | null, problem: string | null, u = `mailto:${address}`): ReportUri =>
    ({ raw, uri: u, scheme: "mailto", host, size, problem });
  if (at <= 0) return out(null, `"${printable(raw)}" has no address (local-part@domain)`);
  const domain = normalizeDomain(decoded.slice(at + 1));
  if (!domain.ok) return out(null, `the domain of "${printable(raw)}" is not a domain name: ${domain.reason}`);
  return out(domain.name, null, `mailto:${decoded.slice(0, at)}@${domain.name}`);
}
