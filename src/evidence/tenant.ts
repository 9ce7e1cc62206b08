// The tenant's mail-flow configuration as collected (live through Graph and the Exchange admin API,
// or from a PowerShell bundle). Facts only, in one shape whichever way they came: the normalizer
// (src/collect/normalize.ts) is the only writer. Every collector has its own section with `error`,
// so a rule that lists the section in `inputs` becomes `error` when that collector failed.
import { z } from "zod";
import { evidenceError } from "./common.js";

/** A cmdlet or Graph object as it came back (side keys and all), secrets redacted. */
export const rawObject = z.record(z.string(), z.unknown());

/** What every collector section carries besides its data. */
const collected = {
  error: evidenceError.nullable(),
  /** `@adminapi.warnings` and anything the normalizer had to guess at (an unknown enum value …). */
  warnings: z.array(z.string()),
  /** A leftover `@odata.nextLink` or a warning: the list may be incomplete, so absence proves nothing. */
  possiblyTruncated: z.boolean(),
};

export const verifiedDomain = z.object({
  name: z.string(),
  isDefault: z.boolean().nullable(),
  isInitial: z.boolean().nullable(),
  type: z.string().nullable(),
  capabilities: z.array(z.string()),
});

/** Graph /organization. */
export const organizationSection = z.object({
  ...collected,
  id: z.string().nullable(),
  displayName: z.string().nullable(),
  verifiedDomains: z.array(verifiedDomain),
  raw: rawObject.nullable(),
});

/** Graph /domains: every domain of the tenant, verified or not. */
export const graphDomain = z.object({
  id: z.string(),
  isVerified: z.boolean().nullable(),
  isDefault: z.boolean().nullable(),
  isInitial: z.boolean().nullable(),
  authenticationType: z.string().nullable(),
  /** "Email", "OfficeCommunicationsOnline" … */
  supportedServices: z.array(z.string()),
  raw: rawObject,
});
export const graphDomainsSection = z.object({ ...collected, items: z.array(graphDomain) });

export const ACCEPTED_DOMAIN_TYPES = ["Authoritative", "InternalRelay", "ExternalRelay"] as const;

/** Get-AcceptedDomain. */
export const acceptedDomain = z.object({
  /** Lower case, no trailing dot. */
  domainName: z.string(),
  domainType: z.enum(ACCEPTED_DOMAIN_TYPES).nullable(),
  default: z.boolean().nullable(),
  initial: z.boolean().nullable(),
  matchSubDomains: z.boolean().nullable(),
  /** Inbound SMTP DANE with DNSSEC: "Enabled" | "Disabled" (or what the tenant reported). */
  smtpDaneStatus: z.string().nullable(),
  raw: rawObject,
});
export const acceptedDomainsSection = z.object({ ...collected, items: z.array(acceptedDomain) });

const connectorCommon = {
  name: z.string(),
  identity: z.string().nullable(),
  enabled: z.boolean().nullable(),
  /** "Partner" | "OnPremises". */
  connectorType: z.string().nullable(),
  comment: z.string().nullable(),
  /** How it was made: "Default" | "HybridWizard" | "Migrated" (from Forefront Online Protection) | "AdminUI". */
  connectorSource: z.string().nullable(),
  raw: rawObject,
};

/** Get-InboundConnector, with Enhanced Filtering for Connectors (EF*) and the lock-down fields. */
export const inboundConnector = z.object({
  direction: z.literal("inbound"),
  ...connectorCommon,
  senderIPAddresses: z.array(z.string()),
  /** As the cmdlet gives them, e.g. "smtp:*;1". */
  senderDomains: z.array(z.string()),
  associatedAcceptedDomains: z.array(z.string()),
  requireTls: z.boolean().nullable(),
  restrictDomainsToIPAddresses: z.boolean().nullable(),
  restrictDomainsToCertificate: z.boolean().nullable(),
  tlsSenderCertificateName: z.string().nullable(),
  treatMessagesAsInternal: z.boolean().nullable(),
  cloudServicesMailEnabled: z.boolean().nullable(),
  efTestMode: z.boolean().nullable(),
  efSkipLastIP: z.boolean().nullable(),
  efSkipIPs: z.array(z.string()),
  efSkipMailGateway: z.array(z.string()),
  efUsers: z.array(z.string()),
});

/** Get-OutboundConnector (no EF fields). */
export const outboundConnector = z.object({
  direction: z.literal("outbound"),
  ...connectorCommon,
  useMXRecord: z.boolean().nullable(),
  recipientDomains: z.array(z.string()),
  smartHosts: z.array(z.string()),
  tlsDomain: z.string().nullable(),
  /** "EncryptionOnly" | "CertificateValidation" | "DomainValidation"; null when none is set. */
  tlsSettings: z.string().nullable(),
  isTransportRuleScoped: z.boolean().nullable(),
  routeAllMessagesViaOnPremises: z.boolean().nullable(),
  allAcceptedDomains: z.boolean().nullable(),
  /** In test mode: listed only by Get-OutboundConnector -IncludeTestModeConnectors $true. */
  testMode: z.boolean().nullable(),
  senderRewritingEnabled: z.boolean().nullable(),
  /**
   * Outbound SMTP DANE on this connector: "Opportunistic" (the default), "Mandatory" or "None";
   * documented with New-/Set-OutboundConnector -SmtpDaneMode since early 2026. Null when the tenant
   * (or an older export) does not report it.
   */
  smtpDaneMode: z.string().nullable().default(null),
  /** Outbound MTA-STS on this connector: "Opportunistic" (the default) or "None" (-MtaStsMode). */
  mtaStsMode: z.string().nullable().default(null),
});

export const connector = z.discriminatedUnion("direction", [inboundConnector, outboundConnector]);

/** How each connector cmdlet went; the connectors themselves are in the one `connectors` list. */
export const connectorCollection = z.object({ ...collected, count: z.number().int() });

/** Get-DkimSigningConfig. */
export const dkimSigningConfig = z.object({
  domain: z.string(),
  enabled: z.boolean().nullable(),
  /** "Valid", "CnameMissing", "NoDKIMKeys" … as reported. */
  status: z.string().nullable(),
  selector1CNAME: z.string().nullable(),
  selector2CNAME: z.string().nullable(),
  selector1KeySize: z.number().int().nullable(),
  selector2KeySize: z.number().int().nullable(),
  keyCreationTime: z.string().nullable(),
  rotateOnDate: z.string().nullable(),
  raw: rawObject,
});
export const dkimSection = z.object({ ...collected, items: z.array(dkimSigningConfig) });

/** Get-ArcConfig. */
export const arcConfigSection = z.object({
  ...collected,
  /** Lower-cased sealing domains; [] when none are trusted. */
  arcTrustedSealers: z.array(z.string()),
  raw: rawObject.nullable(),
});

/** Get-TransportRule: the fields the rule pack reads, plus every raw property. */
export const transportRule = z.object({
  name: z.string(),
  identity: z.string().nullable(),
  /** "Enabled" | "Disabled". */
  state: z.string().nullable(),
  /** "Enforce" | "Audit" | "AuditAndNotify". */
  mode: z.string().nullable(),
  priority: z.number().int().nullable(),
  /** Names of the predicates and actions in use, as the cmdlet lists them. */
  conditions: z.array(z.string()),
  exceptions: z.array(z.string()),
  actions: z.array(z.string()),
  senderDomainIs: z.array(z.string()),
  fromAddressContainsWords: z.array(z.string()),
  fromAddressMatchesPatterns: z.array(z.string()),
  subjectContainsWords: z.array(z.string()),
  subjectMatchesPatterns: z.array(z.string()),
  subjectOrBodyContainsWords: z.array(z.string()),
  headerContainsMessageHeader: z.string().nullable(),
  headerContainsWords: z.array(z.string()),
  headerMatchesMessageHeader: z.string().nullable(),
  headerMatchesPatterns: z.array(z.string()),
  /** "Encrypted", "PermissionControlled" … */
  messageTypeMatches: z.string().nullable(),
  fromScope: z.string().nullable(),
  sentToScope: z.string().nullable(),
  senderIpRanges: z.array(z.string()),
  exceptIfSenderDomainIs: z.array(z.string()),
  /** Recipient domains the rule matches (the domain and its subdomains), lower case. Absent in older evidence. */
  recipientDomainIs: z.array(z.string()).default([]),
  /** The rule delivers matching mail only over TLS ("If TLS fails, the message isn't delivered"). Absent in older evidence. */
  routeMessageOutboundRequireTls: z.boolean().nullable().default(null),
  quarantine: z.boolean().nullable(),
  setSCL: z.number().int().nullable(),
  redirectMessageTo: z.array(z.string()),
  deleteMessage: z.boolean().nullable(),
  rejectMessageReasonText: z.string().nullable(),
  setHeaderName: z.string().nullable(),
  setHeaderValue: z.string().nullable(),
  stopRuleProcessing: z.boolean().nullable(),
  raw: rawObject,
});
export const transportRulesSection = z.object({ ...collected, items: z.array(transportRule) });

/** Get-OrganizationConfig: the org-wide switches the rules read. */
export const organizationConfigSection = z.object({
  ...collected,
  rejectDirectSend: z.boolean().nullable(),
  raw: rawObject.nullable(),
});

/**
 * Get-AntiPhishPolicy: one policy, with the spoof-protection settings that decide whether Exchange
 * Online acts on a sender's DMARC policy (office-docs-powershell, new-antiphishpolicy.md:
 * HonorDmarcPolicy, DmarcQuarantineAction MoveToJmf | Quarantine, DmarcRejectAction Quarantine |
 * Reject, AuthenticationFailAction MoveToJmf | Quarantine).
 */
export const antiPhishPolicy = z.object({
  name: z.string(),
  identity: z.string().nullable(),
  /** The default policy ("Office365 AntiPhish Default"): applies to every recipient no other policy covers. */
  isDefault: z.boolean().nullable(),
  /** "Standard" / "Strict" for the preset security policies, "Custom" (or absent) otherwise. */
  recommendedPolicyType: z.string().nullable(),
  enableSpoofIntelligence: z.boolean().nullable(),
  /** $true (the default): a message that fails DMARC from a p=quarantine / p=reject domain gets the actions below. */
  honorDmarcPolicy: z.boolean().nullable(),
  dmarcQuarantineAction: z.string().nullable(),
  dmarcRejectAction: z.string().nullable(),
  /** What happens instead when HonorDmarcPolicy is $false, and to other spoof detections. */
  authenticationFailAction: z.string().nullable(),
  raw: rawObject,
});
export const antiPhishPoliciesSection = z.object({ ...collected, items: z.array(antiPhishPolicy) });

/** Get-DnssecStatusForVerifiedDomain for one domain (nested shapes UNVERIFIED: kept raw too). */
export const dnssecDomainStatus = z.object({
  ...collected,
  dnssecFeatureStatus: z.string().nullable(),
  /** e.g. contoso-com.e-v1.mx.microsoft */
  expectedMxRecord: z.string().nullable(),
  dnsValidation: z.string().nullable(),
  mxValidation: z.string().nullable(),
  mtaStsValidation: z.string().nullable(),
  errors: z.array(z.string()),
  raw: rawObject.nullable(),
});

/** Get-SmtpDaneInboundStatus for one domain (output fields UNVERIFIED: `status` is the first of
 *  DaneStatus/SmtpDaneStatus/Status present, and the raw object is kept). */
export const smtpDaneDomainStatus = z.object({
  ...collected,
  status: z.string().nullable(),
  raw: rawObject.nullable(),
});

/** A per-domain cmdlet: `error` when it could not run at all (no accepted domains …). */
const perDomain = <T extends z.ZodType>(entry: T) =>
  z.object({ error: evidenceError.nullable(), domains: z.record(z.string(), entry) });
export const dnssecStatusSection = perDomain(dnssecDomainStatus);
export const smtpDaneInboundSection = perDomain(smtpDaneDomainStatus);

export const cloudEvidence = z.object({
  /** global | gcc | gcchigh | dod | china | custom */
  name: z.string(),
  authority: z.string(),
  graph: z.string(),
  exchange: z.string(),
  /** Endpoints nobody could confirm without a live tenant (docs/exchange-online-api.md). */
  unverified: z.array(z.string()),
});

export const tenantEvidence = z.object({
  tenantId: z.string(),
  cloud: cloudEvidence.nullable(),
  source: z.enum(["live", "bundle"]),
  collectedAt: z.string(),
  /** How we signed in (never the secret or the key). */
  collectedBy: z.object({
    method: z.enum(["certificate", "secret", "device-code", "bundle"]),
    clientId: z.string().nullable(),
    certificateThumbprintSha256: z.string().nullable(),
    /** The bundle file and the script's own notes, for `bundle`. */
    bundleFile: z.string().nullable(),
  }),
  organization: organizationSection,
  domains: graphDomainsSection,
  acceptedDomains: acceptedDomainsSection,
  inboundConnectors: connectorCollection,
  outboundConnectors: connectorCollection,
  /** Inbound and outbound in one list: connector-scoped rules enumerate it. */
  connectors: z.array(connector),
  dkimSigningConfigs: dkimSection,
  arcConfig: arcConfigSection,
  transportRules: transportRulesSection,
  organizationConfig: organizationConfigSection,
  /**
   * Absent from evidence written before it was collected: such evidence says so (NOT_COLLECTED)
   * instead of failing to load, and the rules that read it are error, never pass.
   */
  antiPhishPolicies: antiPhishPoliciesSection.default({
    error: { code: "NOT_COLLECTED", message: "Get-AntiPhishPolicy was not collected when this evidence was written (an older exo-posture): collect again to assess it" },
    warnings: [],
    possiblyTruncated: false,
    items: [],
  }),
  dnssecStatus: dnssecStatusSection,
  smtpDaneInbound: smtpDaneInboundSection,
});

export type TenantEvidence = z.infer<typeof tenantEvidence>;
export type AcceptedDomain = z.infer<typeof acceptedDomain>;
export type Connector = z.infer<typeof connector>;
export type InboundConnector = z.infer<typeof inboundConnector>;
export type OutboundConnector = z.infer<typeof outboundConnector>;
export type DkimSigningConfig = z.infer<typeof dkimSigningConfig>;
export type TransportRule = z.infer<typeof transportRule>;
export type AntiPhishPolicy = z.infer<typeof antiPhishPolicy>;
export type DnssecDomainStatus = z.infer<typeof dnssecDomainStatus>;
export type SmtpDaneDomainStatus = z.infer<typeof smtpDaneDomainStatus>;
