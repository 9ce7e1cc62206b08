// Objects shaped as the Exchange admin API returns them for the per-domain cmdlets, shared by the
// sandbox's tenants (Contoso and the mail-path scenarios) so each scenario only states its facts.
type RawObject = Record<string, unknown>;

const CHANGED = "2024-02-01T09:00:00Z";

export function acceptedDomainObject(name: string, o: { default?: boolean; initial?: boolean; dane?: "Enabled" | "Disabled" } = {}): RawObject {
  return {
    Identity: name,
    Name: name,
    DomainName: name,
    DomainType: "Authoritative",
    Default: o.default ?? false,
    InitialDomain: o.initial ?? false,
    MatchSubDomains: false,
    SmtpDaneStatus: o.dane ?? "Disabled",
    AddressBookEnabled: true,
    PendingCompletion: false,
    WhenChangedUTC: CHANGED,
  };
}

/** Exchange Online's selector CNAMEs point into the tenant's own zone under dkim.mail.microsoft. */
export function dkimSigningConfigObject(domain: string, enabled: boolean, tenantLabel: string): RawObject {
  const label = domain.replace(/\./g, "-");
  return {
    Identity: domain,
    Name: domain,
    Domain: domain,
    Enabled: enabled,
    Status: enabled ? "Valid" : "CnameMissing",
    Selector1CNAME: `selector1-${label}._domainkey.${tenantLabel}.n-v1.dkim.mail.microsoft`,
    Selector2CNAME: `selector2-${label}._domainkey.${tenantLabel}.n-v1.dkim.mail.microsoft`,
    Selector1KeySize: 2048,
    Selector2KeySize: 2048,
    KeyCreationTime: "2024-03-01T10:00:00Z",
    RotateOnDate: "2024-03-05T10:00:00Z",
    Algorithm: "RSA",
  };
}

/**
 * Get-DnssecStatusForVerifiedDomain as the admin API serialises it: each nested result expanded to
 * its properties, with the values Microsoft documents (office-docs-powershell,
 * get-dnssecstatusforverifieddomain.md, Example 2): DnssecFeatureStatus { Value }, ExpectedMxRecord
 * { Record: a zone-file line }, DnsValidation { DnssecSupport }, MxValidation and MtaStsValidation
 * { Status }, statuses "Valid" …
 */
export function dnssecStatusObject(domain: string, enabled: boolean): RawObject {
  const host = `${domain.replace(/\./g, "-")}.r-v1.mx.microsoft`;
  return {
    DnssecFeatureStatus: { Value: enabled ? "Enabled" : "Disabled" },
    ExpectedMxRecord: { Record: `@ 60 IN MX 10 ${host}` },
    Errors: [],
    Warnings: [],
    DnsValidation: { DnssecSupport: enabled ? "Valid" : "Invalid", Errors: [], Warnings: [] },
    MxValidation: enabled
      ? { Status: "Valid", ActualMxRecords: [`@ 60 IN MX 10 ${host}`], Errors: [], Warnings: [] }
      : { Status: "Invalid", ActualMxRecords: [], Errors: [], Warnings: ["The MX record does not point to the expected mx.microsoft host."] },
    MtaStsValidation: { Status: "Valid", MtaStsAvailable: false, MtaStsMode: "Unavailable", Errors: [], Warnings: [] },
  };
}

export function smtpDaneInboundObject(domain: string, enabled: boolean): RawObject {
  return { DomainName: domain, DaneStatus: enabled ? "Enabled" : "Disabled", ErrorData: null };
}
