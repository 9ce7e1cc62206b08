// Get-InboundConnector and Get-OutboundConnector into the one `connectors` list the connector
// rules enumerate. Field names follow the cmdlets' (EFSkipLastIP → efSkipLastIP).
import type { InboundConnector, OutboundConnector } from "../evidence/tenant.js";
import { PropertyReader, type RawObject } from "./coerce.js";
import { redactRaw } from "./redact.js";

const CONNECTOR_TYPES = ["Partner", "OnPremises"] as const;
// ConnectorSource as New-/Set-OutboundConnector document it (Default, HybridWizard, Migrated: made in
// Forefront Online Protection for Exchange), and AdminUI, which connectors made in the admin centre report.
const CONNECTOR_SOURCES = ["Default", "HybridWizard", "Migrated", "AdminUI"] as const;
// Outbound -SmtpDaneMode and -MtaStsMode (office-docs-powershell new-outboundconnector.md, 2026).
const SMTP_DANE_MODES = ["Opportunistic", "Mandatory", "None"] as const;
const MTA_STS_MODES = ["Opportunistic", "None"] as const;
const TLS_SETTINGS = ["EncryptionOnly", "CertificateValidation", "DomainValidation"] as const;

function common(r: PropertyReader, obj: RawObject) {
  return {
    name: r.str("Name") ?? r.str("Identity") ?? "(unnamed)",
    identity: r.str("Identity"),
    enabled: r.bool("Enabled"),
    connectorType: r.enumOf("ConnectorType", CONNECTOR_TYPES),
    comment: r.str("Comment"),
    connectorSource: r.enumOf("ConnectorSource", CONNECTOR_SOURCES),
    raw: redactRaw(obj),
  };
}

export function inboundConnectorOf(obj: RawObject, warnings: string[]): InboundConnector {
  const r = new PropertyReader(obj, warnings, `Get-InboundConnector ${JSON.stringify(String(obj.Name ?? obj.Identity ?? "?"))}`);
  return {
    direction: "inbound",
    ...common(r, obj),
    senderIPAddresses: r.list("SenderIPAddresses"),
    senderDomains: r.list("SenderDomains"),
    associatedAcceptedDomains: r.list("AssociatedAcceptedDomains").map((d) => d.toLowerCase()),
    requireTls: r.bool("RequireTls"),
    restrictDomainsToIPAddresses: r.bool("RestrictDomainsToIPAddresses"),
    restrictDomainsToCertificate: r.bool("RestrictDomainsToCertificate"),
    tlsSenderCertificateName: r.str("TlsSenderCertificateName"),
    treatMessagesAsInternal: r.bool("TreatMessagesAsInternal"),
    cloudServicesMailEnabled: r.bool("CloudServicesMailEnabled"),
    efTestMode: r.bool("EFTestMode"),
    efSkipLastIP: r.bool("EFSkipLastIP"),
    efSkipIPs: r.list("EFSkipIPs"),
    efSkipMailGateway: r.list("EFSkipMailGateway"),
    efUsers: r.list("EFUsers"),
  };
}

export function outboundConnectorOf(obj: RawObject, warnings: string[]): OutboundConnector {
  const r = new PropertyReader(obj, warnings, `Get-OutboundConnector ${JSON.stringify(String(obj.Name ?? obj.Identity ?? "?"))}`);
  return {
    direction: "outbound",
    ...common(r, obj),
    useMXRecord: r.bool("UseMXRecord"),
    recipientDomains: r.list("RecipientDomains"),
    smartHosts: r.list("SmartHosts"),
    tlsDomain: r.str("TlsDomain"),
    tlsSettings: r.enumOf("TlsSettings", TLS_SETTINGS),
    isTransportRuleScoped: r.bool("IsTransportRuleScoped"),
    routeAllMessagesViaOnPremises: r.bool("RouteAllMessagesViaOnPremises"),
    allAcceptedDomains: r.bool("AllAcceptedDomains"),
    testMode: r.bool("TestMode"),
    senderRewritingEnabled: r.bool("SenderRewritingEnabled"),
    smtpDaneMode: r.enumOf("SmtpDaneMode", SMTP_DANE_MODES),
    mtaStsMode: r.enumOf("MtaStsMode", MTA_STS_MODES),
  };
}
