// The two per-domain cmdlets. Get-DnssecStatusForVerifiedDomain's shape is documented with real
// output (office-docs-powershell, get-dnssecstatusforverifieddomain.md, Example 2):
//   DnssecFeatureStatus  { Value: Enabled }
//   ExpectedMxRecord     { Record: "@ 60 IN MX 10 contoso-com.e-v1.mx.microsoft" }, a zone-file line
//   DnsValidation        { DnssecSupport: Valid, Errors, Warnings }
//   MxValidation         { Status: Valid, ActualMxRecords, Errors, Warnings }
//   MtaStsValidation     { Status: Valid, MtaStsAvailable, MtaStsMode, Errors, Warnings }
// Printed without expansion, each nested value is only its .NET type name
// ("Microsoft.Exchange.Management.ProvisioningTasks.DnsValidationResult"): that carries no value,
// so it is recorded as unreadable (null, with a warning), never as a status. A plain string (an
// older or hand-made export) is read as the value itself. The raw object is kept either way.
import type { DnssecDomainStatus, SmtpDaneDomainStatus } from "../evidence/tenant.js";
import { PropertyReader } from "./coerce.js";
import type { Outcome } from "./raw.js";
import { redactRaw } from "./redact.js";

const STATUS_FIELDS = ["Status", "Value", "Result", "Name"] as const;

function single(cmdlet: string, domain: string, o: Outcome, warnings: string[]) {
  if (o.objects.length > 1) warnings.push(`${cmdlet} ${domain}: ${o.objects.length} objects came back; the first is used`);
  const obj = o.objects[0] ?? null;
  return { obj, reader: obj ? new PropertyReader(obj, warnings, `${cmdlet} ${domain}`) : null };
}

/** "Microsoft.Exchange.Management.ProvisioningTasks.ExpectedMxRecordInfo", "Deserialized.…", "System.…". */
export function isDotNetTypeName(s: string): boolean {
  return /^(Deserialized\.)?(Microsoft|System)\.[A-Za-z0-9_.`+]+$/.test(s.trim());
}

/** A nested status as a string, or null with a warning when only its type name came. */
function statusOf(r: PropertyReader, name: string, fields: readonly string[], warnings: string[], what: string): string | null {
  const v = r.nested(name, fields);
  if (v !== null && isDotNetTypeName(v)) {
    warnings.push(`${what}: ${name} arrived as its .NET type name (${v}), which carries no value: unreadable`);
    return null;
  }
  return v;
}

/**
 * The MX host of ExpectedMxRecord: its Record is a zone-file line ("@ 60 IN MX 10 host"), whose
 * last field is the host; a bare host name is taken as it is.
 */
export function expectedMxHost(value: string): string | null {
  const fields = value.trim().split(/\s+/);
  const mx = fields.findIndex((f) => f.toUpperCase() === "MX");
  const host = mx >= 0 ? fields[mx + 2] ?? fields[fields.length - 1] : fields.length === 1 ? fields[0] : undefined;
  if (host === undefined || !/^[a-z0-9_-]+(\.[a-z0-9_-]+)+\.?$/i.test(host)) return null;
  return host.toLowerCase().replace(/\.$/, "");
}

export function dnssecStatusOf(domain: string, o: Outcome): DnssecDomainStatus {
  const warnings = [...o.warnings];
  const what = `Get-DnssecStatusForVerifiedDomain ${domain}`;
  const { obj, reader: r } = single("Get-DnssecStatusForVerifiedDomain", domain, o, warnings);
  const error = o.error ?? (obj ? null : { code: "EXO_EMPTY_RESULT", message: `${what} returned nothing` });
  let expectedMxRecord: string | null = null;
  if (r) {
    const line = statusOf(r, "ExpectedMxRecord", ["Record", "Value", "Name"], warnings, what);
    if (line !== null) {
      expectedMxRecord = expectedMxHost(line);
      if (expectedMxRecord === null) warnings.push(`${what}: ExpectedMxRecord ${JSON.stringify(line.slice(0, 80))} names no MX host`);
    }
  }
  return {
    error,
    warnings,
    possiblyTruncated: o.possiblyTruncated,
    dnssecFeatureStatus: r ? statusOf(r, "DnssecFeatureStatus", ["Value", ...STATUS_FIELDS], warnings, what) : null,
    expectedMxRecord,
    dnsValidation: r ? statusOf(r, "DnsValidation", ["DnssecSupport", ...STATUS_FIELDS], warnings, what) : null,
    mxValidation: r ? statusOf(r, "MxValidation", STATUS_FIELDS, warnings, what) : null,
    mtaStsValidation: r ? statusOf(r, "MtaStsValidation", STATUS_FIELDS, warnings, what) : null,
    errors: messagesOf(r?.get("Errors")),
    raw: obj ? redactRaw(obj) : null,
  };
}

export function smtpDaneStatusOf(domain: string, o: Outcome): SmtpDaneDomainStatus {
  const warnings = [...o.warnings];
  const { obj, reader: r } = single("Get-SmtpDaneInboundStatus", domain, o, warnings);
  const error = o.error ?? (obj ? null : { code: "EXO_EMPTY_RESULT", message: `Get-SmtpDaneInboundStatus ${domain} returned nothing` });
  const key = r ? ["DaneStatus", "SmtpDaneStatus", "Status"].find((k) => r.has(k)) : undefined;
  if (r && !key) warnings.push(`Get-SmtpDaneInboundStatus ${domain}: none of DaneStatus, SmtpDaneStatus, Status in the answer`);
  return {
    error,
    warnings,
    possiblyTruncated: o.possiblyTruncated,
    status: r && key ? r.nested(key, STATUS_FIELDS) : null,
    raw: obj ? redactRaw(obj) : null,
  };
}

/** Errors may be strings or objects ({ Code, Message } …): strings as they are, objects as JSON. */
function messagesOf(v: unknown): string[] {
  if (v === null || v === undefined || v === "") return [];
  return (Array.isArray(v) ? v : [v]).map((e) => (typeof e === "string" ? e : JSON.stringify(e)));
}
