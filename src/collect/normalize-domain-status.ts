// The two per-domain cmdlets. How their nested objects come over the admin API is UNVERIFIED
// (docs/exchange-online-api.md), so each field takes a string or a small object, and the raw object is kept.
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

export function dnssecStatusOf(domain: string, o: Outcome): DnssecDomainStatus {
  const warnings = [...o.warnings];
  const { obj, reader: r } = single("Get-DnssecStatusForVerifiedDomain", domain, o, warnings);
  const error = o.error ?? (obj ? null : { code: "EXO_EMPTY_RESULT", message: `Get-DnssecStatusForVerifiedDomain ${domain} returned nothing` });
  return {
    error,
    warnings,
    possiblyTruncated: o.possiblyTruncated,
    dnssecFeatureStatus: r?.nested("DnssecFeatureStatus", STATUS_FIELDS) ?? null,
    expectedMxRecord: r?.nested("ExpectedMxRecord", ["Record", "Value", "Name"]) ?? null,
    dnsValidation: r?.nested("DnsValidation", STATUS_FIELDS) ?? null,
    mxValidation: r?.nested("MxValidation", STATUS_FIELDS) ?? null,
    mtaStsValidation: r?.nested("MtaStsValidation", STATUS_FIELDS) ?? null,
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
