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

/**
 * Get-AntiPhishPolicy's default policy as the admin API returns it: the spoof-protection settings
 * with the defaults office-docs-powershell documents (new-antiphishpolicy.md) and Microsoft Learn's
 * "Recommended settings for EOP and Microsoft Defender for Office 365" lists for the default policy.
 * `overrides` changes settings (HonorDmarcPolicy …) or leaves one out (undefined).
 */
export function antiPhishDefaultPolicyObject(overrides: Record<string, unknown> = {}): RawObject {
  const name = "Office365 AntiPhish Default";
  const policy: RawObject = {
    Identity: name,
    Name: name,
    IsDefault: true,
    Enabled: true,
    RecommendedPolicyType: "Custom",
    ImpersonationProtectionState: "Automatic",
    EnableSpoofIntelligence: true,
    AuthenticationFailAction: "MoveToJmf",
    SpoofQuarantineTag: "DefaultFullAccessPolicy",
    HonorDmarcPolicy: true,
    DmarcQuarantineAction: "Quarantine",
    DmarcRejectAction: "Reject",
    EnableUnauthenticatedSender: true,
    EnableViaTag: true,
    EnableFirstContactSafetyTips: false,
    PhishThresholdLevel: 1,
    WhenChangedUTC: CHANGED,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(policy).filter(([, v]) => v !== undefined));
}
