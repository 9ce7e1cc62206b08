// "Contoso County Council": the demo's sample public-sector tenant. Mail for its main domain comes
// through Mimecast, but the inbound connector from Mimecast has Enhanced Filtering off and is not
// locked to the gateway; its libraries domain is on Exchange Online with inbound SMTP DANE on (MX
// *.mx.microsoft); an old heritage domain is parked and not locked down; DKIM signs for the main
// domain only; no ARC sealer is trusted. Objects are shaped as the admin API returns them.
// The DNS for these names is in src/sandbox/world/tenant.ts.
import type { Scenario } from "../scenario.js";
import { acceptedDomainObject, antiPhishDefaultPolicyObject, dkimSigningConfigObject, dnssecStatusObject, smtpDaneInboundObject } from "./cmdlet-objects.js";

export const CONTOSO_TENANT_ID = "8f3c2a61-5d4e-4b7a-9c1f-2e6d0a9b7c35";

/** App registrations: one per way of signing in, and two with permissions missing. */
export const CONTOSO_APPS = {
  certificate: "1d7e4c2a-0b6f-4a39-8e51-7c2d9f0a4b11",
  secret: "2e8f5d3b-1c70-4b4a-9f62-8d3e0a1b5c22",
  noExchangeRole: "3f906e4c-2d81-4c5b-a073-9e4f1b2c6d33",
  noGrant: "40a17f5d-3e92-4d6c-b184-af502c3d7e44",
  consultantCli: "51b28a6e-4fa3-4e7d-8295-b0613d4e8f55",
};

const D = {
  county: "contoso-county.example",
  libraries: "contoso-libraries.example",
  heritage: "contoso-heritage.example",
  moera: "contosocounty.onmicrosoft.com",
};
export const CONTOSO_DOMAINS = D;

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const collection = "#Collection(String)";

/** All outbound mail through Mimecast's smart hosts. */
const MIMECAST_OUTBOUND = {
  Identity: "Mimecast outbound",
  Name: "Mimecast outbound",
  Enabled: true,
  ConnectorType: "Partner",
  ConnectorSource: "Default",
  Comment: "All outbound mail through Mimecast",
  UseMXRecord: false,
  RecipientDomains: ["*"],
  "RecipientDomains@odata.type": collection,
  SmartHosts: ["eu-smtp-o365-outbound-1.mimecast.com", "eu-smtp-o365-outbound-2.mimecast.com"],
  "SmartHosts@odata.type": collection,
  TlsDomain: null,
  TlsSettings: "EncryptionOnly",
  IsTransportRuleScoped: false,
  RouteAllMessagesViaOnPremises: false,
  AllAcceptedDomains: false,
  CloudServicesMailEnabled: false,
  TestMode: false,
  SenderRewritingEnabled: false,
  // Documented since early 2026 (office-docs-powershell, new-outboundconnector.md).
  SmtpDaneMode: "Opportunistic",
  MtaStsMode: "Opportunistic",
  ValidationRecipients: [],
};

export function contosoScenario(): Scenario {
  return {
    name: "Contoso County Council",
    tenantId: CONTOSO_TENANT_ID,
    apps: [
      { clientId: CONTOSO_APPS.certificate, displayName: "exo-posture collector (certificate)", credential: "certificate", exchangeManageAsApp: true, roles: ["Global Reader"], graphPermissions: ["Organization.Read.All", "Domain.Read.All"] },
      { clientId: CONTOSO_APPS.secret, displayName: "exo-posture collector (secret)", credential: "secret", exchangeManageAsApp: true, roles: ["Global Reader"], graphPermissions: ["Organization.Read.All", "Domain.Read.All"] },
      { clientId: CONTOSO_APPS.noExchangeRole, displayName: "app without an Entra role", credential: "certificate", exchangeManageAsApp: true, roles: [], graphPermissions: ["Organization.Read.All", "Domain.Read.All"] },
      { clientId: CONTOSO_APPS.noGrant, displayName: "app without Exchange.ManageAsApp or Graph permissions", credential: "secret", exchangeManageAsApp: false, roles: ["Global Reader"], graphPermissions: [] },
      { clientId: CONTOSO_APPS.consultantCli, displayName: "consultant's public client", credential: "public", exchangeManageAsApp: false, roles: [], graphPermissions: [] },
    ],
    users: [{ upn: `consultant@${D.county}`, objectId: "62c39b7f-5ab4-4f8e-93a6-c1724e5f9066", displayName: "Visiting Consultant", roles: ["Global Reader"] }],
    graph: {
      organization: [
        {
          id: CONTOSO_TENANT_ID,
          displayName: "Contoso County Council",
          countryLetterCode: "GB",
          tenantType: "AAD",
          verifiedDomains: [
            { capabilities: "Email, OfficeCommunicationsOnline", isDefault: true, isInitial: false, name: D.county, type: "Managed" },
            { capabilities: "Email", isDefault: false, isInitial: false, name: D.libraries, type: "Managed" },
            { capabilities: "Email", isDefault: false, isInitial: false, name: D.heritage, type: "Managed" },
            { capabilities: "Email, OfficeCommunicationsOnline", isDefault: false, isInitial: true, name: D.moera, type: "Managed" },
          ],
        },
      ],
      domains: [D.county, D.libraries, D.heritage, D.moera].map((id) => ({
        id,
        authenticationType: "Managed",
        isAdminManaged: true,
        isDefault: id === D.county,
        isInitial: id === D.moera,
        isRoot: true,
        isVerified: true,
        supportedServices: id === D.moera ? ["Email", "OfficeCommunicationsOnline"] : ["Email"],
        passwordValidityPeriodInDays: null,
      })),
    },
    exchange: {
      cmdlets: {
        "Get-AcceptedDomain": [
          { ...acceptedDomainObject(D.county, { default: true }), Guid: guid(1) },
          { ...acceptedDomainObject(D.libraries, { dane: "Enabled" }), Guid: guid(2) },
          { ...acceptedDomainObject(D.heritage, {}), Guid: guid(3) },
          { ...acceptedDomainObject(D.moera, { initial: true }), Guid: guid(4) },
        ],
        "Get-InboundConnector": [
          {
            Identity: "Mimecast inbound",
            // The admin API's type side keys besides "@odata.type" (rknightion/graph2otel's captured
            // admin-API fixtures): annotations, never evidence.
            "Identity@data.type": "Microsoft.Exchange.Data.Directory.ADObjectId",
            "WhenChangedUTC@data.type": "System.DateTime",
            Name: "Mimecast inbound",
            Enabled: true,
            ConnectorType: "Partner",
            ConnectorSource: "Default",
            Comment: "Mail from our Mimecast gateway",
            SenderIPAddresses: ["195.130.217.0/24", "91.220.42.0/24"],
            "SenderIPAddresses@odata.type": collection,
            SenderDomains: ["smtp:*;1"],
            "SenderDomains@odata.type": collection,
            AssociatedAcceptedDomains: [],
            "AssociatedAcceptedDomains@odata.type": collection,
            RequireTls: true,
            RestrictDomainsToIPAddresses: false,
            RestrictDomainsToCertificate: false,
            TlsSenderCertificateName: null,
            TreatMessagesAsInternal: false,
            CloudServicesMailEnabled: false,
            EFTestMode: false,
            EFSkipLastIP: false,
            EFSkipIPs: [],
            "EFSkipIPs@odata.type": collection,
            EFSkipMailGateway: [],
            EFUsers: [],
            "EFUsers@odata.type": collection,
            TrustedOrganizations: [],
            ScanAndDropRecipients: [],
            Guid: guid(10),
            WhenChangedUTC: "2023-11-20T14:30:00Z",
          },
        ],
        "Get-OutboundConnector": [
          { ...MIMECAST_OUTBOUND, Guid: guid(11) },
          {
            // GOV.UK's secure email policy: force TLS to *.gov.uk. The more specific recipient domain
            // wins over Mimecast's "*", so gov.uk mail goes direct by MX, only over TLS.
            ...MIMECAST_OUTBOUND,
            Identity: "GOV.UK (TLS required)",
            Name: "GOV.UK (TLS required)",
            Comment: "Mandatory TLS to government organisations",
            UseMXRecord: true,
            RecipientDomains: ["*.gov.uk"],
            SmartHosts: [],
            TlsDomain: "*.gov.uk",
            TlsSettings: "DomainValidation",
            Guid: guid(12),
          },
        ],
        "Get-DkimSigningConfig": ([[D.county, true], [D.libraries, false], [D.heritage, false], [D.moera, true]] as const).map(([domain, enabled], i) => ({
          ...dkimSigningConfigObject(domain, enabled, "contosocounty"),
          Guid: guid(20 + i),
        })),
        "Get-ArcConfig": [{ Identity: "default", ArcTrustedSealers: null, Guid: guid(30) }],
        "Get-TransportRule": [
          {
            Identity: "External sender warning",
            Name: "External sender warning",
            State: "Enabled",
            Mode: "Enforce",
            Priority: 0,
            Comments: "",
            FromScope: "NotInOrganization",
            SentToScope: "InOrganization",
            Conditions: ["Microsoft.Exchange.MessagingPolicies.Rules.Tasks.FromScopePredicate", "Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SentToScopePredicate"],
            "Conditions@odata.type": collection,
            Actions: ["Microsoft.Exchange.MessagingPolicies.Rules.Tasks.ApplyHtmlDisclaimerAction"],
            Exceptions: null,
            ApplyHtmlDisclaimerText: "<p>This message came from outside Contoso County Council.</p>",
            ApplyHtmlDisclaimerLocation: "Prepend",
            StopRuleProcessing: false,
            Quarantine: false,
            SetSCL: null,
            RedirectMessageTo: null,
            DeleteMessage: false,
            Guid: guid(40),
          },
          {
            Identity: "Mark encrypted inbound mail",
            Name: "Mark encrypted inbound mail",
            State: "Enabled",
            Mode: "Enforce",
            Priority: 1,
            Comments: "Encrypted messages bypass content inspection; tag them for the helpdesk",
            FromScope: "NotInOrganization",
            MessageTypeMatches: "Encrypted",
            Conditions: ["Microsoft.Exchange.MessagingPolicies.Rules.Tasks.FromScopePredicate", "Microsoft.Exchange.MessagingPolicies.Rules.Tasks.MessageTypeMatchesPredicate"],
            Actions: ["Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SetHeaderAction"],
            Exceptions: null,
            SetHeaderName: "X-Contoso-Encrypted",
            SetHeaderValue: "true",
            StopRuleProcessing: false,
            Quarantine: false,
            SetSCL: null,
            RedirectMessageTo: null,
            DeleteMessage: false,
            Guid: guid(41),
          },
        ],
        "Get-OrganizationConfig": [
          {
            Identity: D.moera,
            Name: D.moera,
            DisplayName: "Contoso County Council",
            RejectDirectSend: false,
            IsDehydrated: false,
            AuditDisabled: false,
            OAuth2ClientProfileEnabled: true,
            SmtpActionableMessagesEnabled: true,
            Guid: guid(50),
          },
        ],
        // Turned off when Mimecast came in front without Enhanced Filtering and every message "failed"
        // DMARC: the council no longer acts on senders' DMARC policies.
        "Get-AntiPhishPolicy": [{ ...antiPhishDefaultPolicyObject({ HonorDmarcPolicy: false }), Guid: guid(60) }],
      },
      perDomain: {
        "Get-DnssecStatusForVerifiedDomain": {
          [D.county]: [dnssecStatusObject(D.county, false)],
          [D.libraries]: [dnssecStatusObject(D.libraries, true)],
          [D.heritage]: [dnssecStatusObject(D.heritage, false)],
        },
        "Get-SmtpDaneInboundStatus": {
          [D.county]: [smtpDaneInboundObject(D.county, false)],
          [D.libraries]: [smtpDaneInboundObject(D.libraries, true)],
          [D.heritage]: [smtpDaneInboundObject(D.heritage, false)],
        },
      },
    },
  };
}
