// Tenants that exercise each inbound-path rule both ways (pass and fail): Enhanced Filtering on, off, in
// test mode, scoped to some users, by EFSkipIPs; the connector locked by certificate, by IP, or open;
// the ARC sealer trusted or not; the portal rule present or not; RejectDirectSend on or off; inbound
// and outbound connector TLS; the MX moved back to Exchange Online with a stale Enhanced Filtering
// connector. Each is what the sandbox cloud serves (mailPathScenario) and names the findings it must
// produce once collected, probed and judged.
import type { Status } from "../../../evidence/findings.js";
import { inboundConnector, type InboundConnectorObject, type MailPathTenant, outboundConnector, transportRule } from "./tenant.js";

export interface MailPathCase {
  name: string;
  /** The domain probed (one of zones.ts). */
  domain: string;
  /** What this tenant has beyond the base one (tenant.ts). */
  tenant: MailPathTenant;
  /** A user data file's content (assess --data), e.g. the gateway's ARC sealing domain. */
  data?: string;
  /** ruleId → subject → status. */
  expect: Record<string, Record<string, Exclude<Status, "waived">>>;
}

const county = "path-county.example";
/** Mimecast's sample egress in the sandbox world (eu._netblocks.mimecast.com). */
const egress = ["195.130.217.0/24", "91.220.42.0/24"];
const mimecast = (c: Partial<InboundConnectorObject>) => inboundConnector({ Name: "Mimecast inbound", SenderIPAddresses: egress, RestrictDomainsToIPAddresses: true, ...c });
const d = (name: string) => `domain:${name}`;

/** A user data file naming Mimecast's ARC sealing domain for the sandbox (no public source names it). */
export const SEALER_DATA = `format: exo-posture-data/1
gateways:
  - id: mimecast
    name: Mimecast Email Security
    mx: ["*.mimecast.com"]
    arcSealers: [mimecast.example]
    egress: { spfIncludes: [eu._netblocks.mimecast.com] }
    sources: [{ title: sandbox sample message, url: "https://example.invalid/sample" }]
`;

export const mailPathCases: MailPathCase[] = [
  {
    name: "Enhanced Filtering on, locked by IP, sealer trusted, portals quarantined, direct send rejected",
    domain: county,
    data: SEALER_DATA,
    tenant: {
      inboundConnectors: [mimecast({ EFSkipLastIP: true })],
      outboundConnectors: [outboundConnector({ Name: "To partner", RecipientDomains: ["partner.example"], TlsSettings: "DomainValidation" })],
      arcTrustedSealers: ["mimecast.example"],
      rejectDirectSend: true,
      transportRules: [
        transportRule({ Name: "Quarantine portals", Quarantine: true, SenderDomainIs: ["egress.com", "res.cisco.com"], SubjectOrBodyContainsWords: ["Read the message", "SecureMessageAtt.html", "Unlock Message", "Secure Messaging Notification", "Portal Pick-up"] }),
        transportRule({ Name: "Mark encrypted", FromScope: "NotInOrganization", MessageTypeMatches: "Encrypted", PrependSubject: "[Encrypted - not scanned] " }),
      ],
    },
    expect: {
      "gateway.detected": { [d(county)]: "info" },
      "gateway.enhanced-filtering": { [d(county)]: "pass" },
      "gateway.connector-lockdown": { [d(county)]: "pass" },
      "gateway.arc-trusted-sealer": { tenant: "pass" },
      "gateway.stale-connector": { "connector:Mimecast inbound": "pass" },
      "exo.reject-direct-send": { tenant: "pass" },
      "connector.inbound-tls": { "connector:Mimecast inbound": "pass" },
      "connector.outbound-tls": { "connector:To partner": "pass" },
      "connector.outbound-downgrade": { "connector:To partner": "pass" },
      "portal.quarantine": { tenant: "pass" },
      "portal.encrypted-inbound": { tenant: "info" },
    },
  },
  {
    name: "Contoso: Enhanced Filtering off, connector open, no sealer, no portal rule, direct send allowed",
    domain: county,
    data: SEALER_DATA,
    tenant: {
      inboundConnectors: [inboundConnector({ Name: "Mimecast inbound", SenderIPAddresses: egress, RequireTls: false })],
      outboundConnectors: [outboundConnector({ Name: "To relay", UseMXRecord: false, SmartHosts: ["relay.partner.example"], TlsSettings: "EncryptionOnly" })],
      rejectDirectSend: false,
    },
    expect: {
      "gateway.enhanced-filtering": { [d(county)]: "fail" },
      "gateway.connector-lockdown": { [d(county)]: "fail" },
      "gateway.arc-trusted-sealer": { tenant: "fail" },
      "exo.reject-direct-send": { tenant: "fail" },
      "connector.inbound-tls": { "connector:Mimecast inbound": "fail" },
      "connector.outbound-tls": { "connector:To relay": "fail" },
      "connector.outbound-downgrade": { "connector:To relay": "fail" },
      "portal.quarantine": { tenant: "warn" },
      "portal.encrypted-inbound": { tenant: "warn" },
    },
  },
  {
    name: "Enhanced Filtering in test mode, locked by certificate",
    domain: county,
    tenant: {
      inboundConnectors: [inboundConnector({ Name: "From gateway", TlsSenderCertificateName: "*.mimecast.com", RestrictDomainsToCertificate: true, EFSkipLastIP: true, EFTestMode: true })],
    },
    expect: { "gateway.enhanced-filtering": { [d(county)]: "fail" }, "gateway.connector-lockdown": { [d(county)]: "pass" }, "gateway.arc-trusted-sealer": { tenant: "fail" } },
  },
  {
    name: "Enhanced Filtering scoped to some users",
    domain: county,
    tenant: { inboundConnectors: [mimecast({ EFSkipLastIP: true, EFUsers: ["ceo@path-county.example"] })] },
    expect: { "gateway.enhanced-filtering": { [d(county)]: "fail" } },
  },
  {
    name: "EFSkipIPs covering the gateway's egress instead of skip-last-IP",
    domain: county,
    tenant: { inboundConnectors: [mimecast({ EFSkipIPs: egress })] },
    expect: { "gateway.enhanced-filtering": { [d(county)]: "pass" } },
  },
  {
    name: "EFSkipIPs missing part of the egress",
    domain: county,
    tenant: { inboundConnectors: [mimecast({ EFSkipIPs: ["195.130.217.0/24"] })] },
    expect: { "gateway.enhanced-filtering": { [d(county)]: "fail" } },
  },
  {
    name: "Connector locked only for some sender domains",
    domain: county,
    tenant: { inboundConnectors: [mimecast({ EFSkipLastIP: true, SenderDomains: ["smtp:partner.example;1"] })] },
    expect: { "gateway.connector-lockdown": { [d(county)]: "warn" } },
  },
  {
    name: "MX moved back to Exchange Online, Enhanced Filtering connector left behind",
    domain: "path-moved.example",
    tenant: { inboundConnectors: [inboundConnector({ Name: "Old Proofpoint inbound", SenderIPAddresses: ["203.0.113.0/24"], EFSkipLastIP: true })] },
    expect: {
      "gateway.detected": { [d("path-moved.example")]: "info" },
      "gateway.enhanced-filtering": { [d("path-moved.example")]: "not_applicable" },
      "gateway.stale-connector": { "connector:Old Proofpoint inbound": "info" },
      "exo.reject-direct-send": { tenant: "not_applicable" },
    },
  },
  {
    // Issue 26: a rule in Audit mode (test mode) only logs what it would do (New-TransportRule -Mode).
    name: "A quarantine rule naming every portal, in Audit mode",
    domain: county,
    tenant: {
      inboundConnectors: [mimecast({ EFSkipLastIP: true })],
      transportRules: [
        transportRule({ Name: "Quarantine portals (trial)", Mode: "Audit", Quarantine: true, SenderDomainIs: ["egress.com", "res.cisco.com"], SubjectOrBodyContainsWords: ["Read the message", "SecureMessageAtt.html", "Unlock Message", "Secure Messaging Notification", "Portal Pick-up"] }),
        transportRule({ Name: "Mark encrypted (trial)", Mode: "AuditAndNotify", FromScope: "NotInOrganization", MessageTypeMatches: "Encrypted", PrependSubject: "[Encrypted - not scanned] " }),
      ],
    },
    expect: { "portal.quarantine": { tenant: "warn" }, "portal.encrypted-inbound": { tenant: "warn" } },
  },
  {
    // Issue 26: the connector is locked to Proofpoint on Demand's certificate; its name is all that
    // ties it to Proofpoint Essentials. Exchange Online never matches a connector by name.
    name: "A connector locked to Proofpoint on Demand, tied to a Proofpoint Essentials MX by its name only",
    domain: "path-essentials.example",
    tenant: {
      acceptedDomains: [county, "path-essentials.example"],
      inboundConnectors: [inboundConnector({ Name: "Proofpoint inbound", TlsSenderCertificateName: "*.pphosted.com", RestrictDomainsToCertificate: true, EFSkipLastIP: true })],
    },
    expect: {
      "gateway.detected": { [d("path-essentials.example")]: "info" },
      "gateway.enhanced-filtering": { [d("path-essentials.example")]: "warn" },
      "gateway.connector-lockdown": { [d("path-essentials.example")]: "warn" },
    },
  },
  {
    name: "An on-premises MX the catalogue does not know, its connector found by association",
    domain: "path-onprem.example",
    tenant: {
      inboundConnectors: [
        inboundConnector({ Name: "Hybrid inbound", ConnectorType: "OnPremises", AssociatedAcceptedDomains: ["path-onprem.example"], TlsSenderCertificateName: "mail.path-onprem.example", RestrictDomainsToCertificate: true, EFSkipLastIP: true }),
      ],
    },
    expect: { "gateway.enhanced-filtering": { [d("path-onprem.example")]: "pass" }, "gateway.connector-lockdown": { [d("path-onprem.example")]: "pass" } },
  },
];
