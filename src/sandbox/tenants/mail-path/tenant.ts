// The tenant behind the inbound-path scenarios, as the sandbox cloud serves it: Graph and cmdlet
// objects shaped as the real APIs return them (the cmdlets' own property names, enums as names,
// multi-valued properties as lists with "X@odata.type" side keys, null where nothing is set).
// One base tenant; a scenario gives only what differs (its connectors, ARC sealers, transport
// rules, RejectDirectSend), and every object is completed with what the cmdlet shows by default.
import { parseBundle } from "../../../collect/powershell-import.js";
import { normalizeTenant } from "../../../collect/normalize.js";
import type { TenantEvidence } from "../../../evidence/tenant.js";
import { bundleOf } from "../../bundle.js";
import type { RawObject, Scenario } from "../../scenario.js";
import { mailPathDomains } from "./zones.js";
import { acceptedDomainObject, antiPhishDefaultPolicyObject, dkimSigningConfigObject, dnssecStatusObject } from "../cmdlet-objects.js";

export const MAILPATH_TENANT_ID = "c6a11e66-7d1b-4e2f-9a3c-5b8d0e4f6a06";
/** The certificate app the tests sign in with (Global Reader, Exchange.ManageAsApp, Graph read). */
export const MAILPATH_APP = "c6a11e66-0a9b-4c1d-8e2f-3a4b5c6d7e01";
const MOERA = "pathcounty.onmicrosoft.com";
const COLLECTION = "#Collection(String)";
const CHANGED = "2025-06-02T08:15:00Z";

/** What Get-InboundConnector and Get-OutboundConnector objects both carry. */
interface ConnectorObjectBase {
  Name: string;
  Identity: string;
  Enabled: boolean;
  ConnectorType: "Partner" | "OnPremises";
  /** Migrated: made in Forefront Online Protection for Exchange (New-OutboundConnector -ConnectorSource). */
  ConnectorSource: "Default" | "HybridWizard" | "Migrated" | "AdminUI";
  Comment: string | null;
}

/** Get-InboundConnector, the properties the tool reads (docs/exchange-online-api.md) and a few it keeps as raw. */
export interface InboundConnectorObject extends ConnectorObjectBase {
  SenderIPAddresses: string[];
  SenderDomains: string[];
  AssociatedAcceptedDomains: string[];
  RequireTls: boolean;
  RestrictDomainsToIPAddresses: boolean;
  RestrictDomainsToCertificate: boolean;
  TlsSenderCertificateName: string | null;
  TreatMessagesAsInternal: boolean;
  CloudServicesMailEnabled: boolean;
  EFTestMode: boolean;
  EFSkipLastIP: boolean;
  EFSkipIPs: string[];
  EFSkipMailGateway: string[];
  EFUsers: string[];
  TrustedOrganizations: string[];
  ScanAndDropRecipients: string[];
}

export interface OutboundConnectorObject extends ConnectorObjectBase {
  UseMXRecord: boolean;
  RecipientDomains: string[];
  SmartHosts: string[];
  TlsDomain: string | null;
  TlsSettings: "EncryptionOnly" | "CertificateValidation" | "DomainValidation" | null;
  IsTransportRuleScoped: boolean;
  RouteAllMessagesViaOnPremises: boolean;
  AllAcceptedDomains: boolean;
  CloudServicesMailEnabled: boolean;
  /** Listed only with -IncludeTestModeConnectors $true (the sandbox filters on it). */
  TestMode: boolean;
  SenderRewritingEnabled: boolean;
  ValidationRecipients: string[];
  /** Documented since early 2026 (New-/Set-OutboundConnector -SmtpDaneMode, -MtaStsMode). */
  SmtpDaneMode: "Opportunistic" | "Mandatory" | "None";
  MtaStsMode: "Opportunistic" | "None";
}

/** Get-TransportRule: the predicates and actions the portal rules read, named after New-TransportRule's parameters. */
export interface TransportRuleObject {
  Name: string;
  Identity: string;
  State: "Enabled" | "Disabled";
  Mode: "Enforce" | "Audit" | "AuditAndNotify";
  /** The rule's place in the list when absent. */
  Priority?: number;
  Comments: string;
  FromScope: "InOrganization" | "NotInOrganization" | null;
  SentToScope: "InOrganization" | "NotInOrganization" | "ExternalPartner" | "ExternalNonPartner" | null;
  SenderDomainIs: string[] | null;
  FromAddressContainsWords: string[] | null;
  SubjectContainsWords: string[] | null;
  SubjectOrBodyContainsWords: string[] | null;
  HeaderContainsMessageHeader: string | null;
  HeaderContainsWords: string[] | null;
  MessageTypeMatches: "Encrypted" | "PermissionControlled" | "OOF" | "AutoForward" | null;
  Quarantine: boolean;
  PrependSubject: string | null;
  SetHeaderName: string | null;
  SetHeaderValue: string | null;
  SetSCL: number | null;
  RedirectMessageTo: string[] | null;
  DeleteMessage: boolean;
  StopRuleProcessing: boolean;
  RecipientDomainIs: string[] | null;
  RouteMessageOutboundRequireTls: boolean;
}

type Given<T extends { Name: string }> = Partial<T> & { Name: string };

export function inboundConnector(c: Given<InboundConnectorObject>): RawObject {
  const full: InboundConnectorObject = {
    Identity: c.Name, Enabled: true, ConnectorType: "Partner", ConnectorSource: "Default", Comment: null,
    SenderIPAddresses: [], SenderDomains: ["smtp:*;1"], AssociatedAcceptedDomains: [], RequireTls: true,
    RestrictDomainsToIPAddresses: false, RestrictDomainsToCertificate: false, TlsSenderCertificateName: null,
    TreatMessagesAsInternal: false, CloudServicesMailEnabled: false, EFTestMode: false, EFSkipLastIP: false,
    EFSkipIPs: [], EFSkipMailGateway: [], EFUsers: [], TrustedOrganizations: [], ScanAndDropRecipients: [], ...c,
  };
  return annotated({ ...full, WhenChangedUTC: CHANGED });
}

export function outboundConnector(c: Given<OutboundConnectorObject>): RawObject {
  const full: OutboundConnectorObject = {
    Identity: c.Name, Enabled: true, ConnectorType: "Partner", ConnectorSource: "Default", Comment: null,
    UseMXRecord: true, RecipientDomains: [], SmartHosts: [], TlsDomain: null, TlsSettings: null, IsTransportRuleScoped: false,
    RouteAllMessagesViaOnPremises: false, AllAcceptedDomains: false, CloudServicesMailEnabled: false, TestMode: false,
    SenderRewritingEnabled: false, ValidationRecipients: [], SmtpDaneMode: "Opportunistic", MtaStsMode: "Opportunistic", ...c,
  };
  return annotated({ ...full, WhenChangedUTC: CHANGED });
}

// Get-TransportRule lists the rule's predicates and actions by class name beside their parameters.
const PREDICATES: [keyof TransportRuleObject, string][] = [
  ["FromScope", "FromScope"], ["SentToScope", "SentToScope"], ["SenderDomainIs", "SenderDomainIs"],
  ["FromAddressContainsWords", "FromAddressContains"], ["SubjectContainsWords", "SubjectContains"],
  ["SubjectOrBodyContainsWords", "SubjectOrBodyContains"], ["HeaderContainsMessageHeader", "HeaderContains"],
  ["MessageTypeMatches", "MessageTypeMatches"], ["RecipientDomainIs", "RecipientDomainIs"],
];
const ACTIONS: [keyof TransportRuleObject, string][] = [
  ["Quarantine", "Quarantine"], ["RouteMessageOutboundRequireTls", "RouteMessageOutboundRequireTls"], ["PrependSubject", "PrependSubject"], ["SetHeaderName", "SetHeader"],
  ["SetSCL", "SetSCL"], ["RedirectMessageTo", "RedirectMessage"], ["DeleteMessage", "DeleteMessage"],
];
const TASKS = "Microsoft.Exchange.MessagingPolicies.Rules.Tasks.";

export function transportRule(r: Given<TransportRuleObject>): RawObject {
  const full: TransportRuleObject = {
    Identity: r.Name, State: "Enabled", Mode: "Enforce", Comments: "", FromScope: null, SentToScope: null,
    SenderDomainIs: null, FromAddressContainsWords: null, SubjectContainsWords: null, SubjectOrBodyContainsWords: null,
    HeaderContainsMessageHeader: null, HeaderContainsWords: null, MessageTypeMatches: null, Quarantine: false,
    PrependSubject: null, SetHeaderName: null, SetHeaderValue: null, SetSCL: null, RedirectMessageTo: null,
    DeleteMessage: false, StopRuleProcessing: false, RecipientDomainIs: null, RouteMessageOutboundRequireTls: false, ...r,
  };
  const set = (k: keyof TransportRuleObject) => full[k] !== null && full[k] !== false;
  return annotated({
    ...full,
    Conditions: PREDICATES.filter(([k]) => set(k)).map(([, p]) => `${TASKS}${p}Predicate`),
    Actions: ACTIONS.filter(([k]) => set(k)).map(([, a]) => `${TASKS}${a}Action`),
    Exceptions: null,
  });
}

/** What a scenario changes in the base tenant; everything else is the cmdlets' defaults. */
export interface MailPathTenant {
  /** Accepted domains besides pathcounty.onmicrosoft.com; the first is the default (all of zones.ts when absent). */
  acceptedDomains?: string[];
  inboundConnectors?: RawObject[];
  outboundConnectors?: RawObject[];
  /** Get-ArcConfig ArcTrustedSealers (none when absent). */
  arcTrustedSealers?: string[];
  transportRules?: RawObject[];
  /** Get-OrganizationConfig RejectDirectSend (false when absent; null: a tenant whose answer lacks the property). */
  rejectDirectSend?: boolean | null;
  /** Settings of Get-AntiPhishPolicy's default policy that differ from Microsoft's defaults (HonorDmarcPolicy …; undefined leaves one out). */
  antiPhish?: Record<string, unknown>;
}

/** A fresh sandbox-cloud scenario: Graph, every allowed cmdlet, and the app the tests sign in with. */
export function mailPathScenario(t: MailPathTenant = {}): Scenario {
  const custom = t.acceptedDomains ?? mailPathDomains;
  const accepted = [...custom, MOERA];
  const guid = counter();
  const withGuid = (objects: RawObject[]) => objects.map((o) => ({ ...o, Guid: guid() }));
  return {
    name: "Path County Council",
    tenantId: MAILPATH_TENANT_ID,
    apps: [{ clientId: MAILPATH_APP, displayName: "exo-posture collector (certificate)", credential: "certificate", exchangeManageAsApp: true, roles: ["Global Reader"], graphPermissions: ["Organization.Read.All", "Domain.Read.All"] }],
    users: [],
    graph: {
      organization: [
        {
          id: MAILPATH_TENANT_ID,
          displayName: "Path County Council",
          countryLetterCode: "GB",
          tenantType: "AAD",
          verifiedDomains: accepted.map((name) => ({ capabilities: "Email", isDefault: name === custom[0], isInitial: name === MOERA, name, type: "Managed" })),
        },
      ],
      domains: accepted.map((id) => ({ id, authenticationType: "Managed", isAdminManaged: true, isDefault: id === custom[0], isInitial: id === MOERA, isRoot: true, isVerified: true, supportedServices: ["Email"], passwordValidityPeriodInDays: null })),
    },
    exchange: {
      cmdlets: {
        "Get-AcceptedDomain": withGuid(accepted.map((d) => acceptedDomainObject(d, { default: d === custom[0], initial: d === MOERA }))),
        "Get-InboundConnector": withGuid(t.inboundConnectors ?? []),
        "Get-OutboundConnector": withGuid(t.outboundConnectors ?? []),
        "Get-DkimSigningConfig": withGuid(accepted.map((d) => dkimSigningConfigObject(d, d === MOERA, "pathcounty"))),
        // An empty ArcTrustedSealers is null; a set one is the comma-joined string Set-ArcConfig was given.
        "Get-ArcConfig": withGuid([{ Identity: "default", ArcTrustedSealers: t.arcTrustedSealers?.length ? t.arcTrustedSealers.join(",") : null }]),
        "Get-TransportRule": withGuid((t.transportRules ?? []).map((r, i) => ({ Priority: i, ...r }))),
        "Get-OrganizationConfig": withGuid([
          {
            Identity: MOERA,
            Name: MOERA,
            DisplayName: "Path County Council",
            ...(t.rejectDirectSend === null ? {} : { RejectDirectSend: t.rejectDirectSend ?? false }),
            IsDehydrated: false,
            OAuth2ClientProfileEnabled: true,
          },
        ]),
        "Get-AntiPhishPolicy": withGuid([antiPhishDefaultPolicyObject(t.antiPhish)]),
      },
      perDomain: {
        "Get-DnssecStatusForVerifiedDomain": Object.fromEntries(custom.map((d) => [d, [dnssecStatusObject(d, false)]])),
        "Get-SmtpDaneInboundStatus": Object.fromEntries(custom.map((d) => [d, [{ DomainName: d, DaneStatus: "Disabled", ErrorData: null }]])),
      },
    },
  };
}

/**
 * The tenant evidence of a scenario without a server: its PowerShell bundle read by the same
 * parser and normalizer as `--tenant-bundle` (for tests that need a tenant but not the sign-in).
 */
export function tenantEvidenceOf(t: MailPathTenant = {}): TenantEvidence {
  const bundle = bundleOf(mailPathScenario(t), { collectedAt: "2026-01-01T00:00:00.000Z" });
  return normalizeTenant(parseBundle(bundle, "sandbox"), {
    cloud: null,
    collectedBy: { method: "bundle", clientId: null, certificateThumbprintSha256: null, bundleFile: "sandbox" },
  });
}

/** Multi-valued properties carry the admin API's "X@odata.type" side key. */
function annotated(obj: object): RawObject {
  const out: RawObject = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = v;
    if (Array.isArray(v)) out[`${k}@odata.type`] = COLLECTION;
  }
  return out;
}

function counter(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-c6${String(++n).padStart(10, "0")}`;
}

