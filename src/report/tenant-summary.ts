// The tenant part of the printed summary: what was collected, so a reader sees the mail-flow
// configuration (accepted domains with inbound DANE, connectors with Enhanced Filtering, ARC
// sealers) beside the findings about it.
import type { TenantEvidence } from "../evidence/tenant.js";
import { tenantLine } from "./run-facts.js";

type Connector = TenantEvidence["connectors"][number];

const yes = (v: boolean | null | undefined) => (v === true ? "on" : v === false ? "off" : "unknown");

export function renderTenant(t: TenantEvidence): string[] {
  const out = [
    `Tenant ${tenantLine(t)}`,
  ];
  const section = (name: string, s: { error: { code: string; message: string } | null; possiblyTruncated: boolean }) => {
    if (s.error) out.push(`  ${name}: ERROR ${s.error.code}: ${s.error.message}`);
    else if (s.possiblyTruncated) out.push(`  ${name}: possibly incomplete (see evidence warnings)`);
    return !s.error;
  };
  if (section("accepted domains", t.acceptedDomains)) {
    for (const d of t.acceptedDomains.items) {
      const dnssec = t.dnssecStatus.domains[d.domainName]?.dnssecFeatureStatus;
      out.push(`  domain ${d.domainName}: ${d.domainType ?? "type unknown"}, inbound SMTP DANE ${d.smtpDaneStatus ?? "unknown"}${dnssec ? `, DNSSEC ${dnssec}` : ""}`);
    }
  }
  if (section("inbound connectors", t.inboundConnectors) && section("outbound connectors", t.outboundConnectors)) {
    if (t.connectors.length === 0) out.push("  no connectors");
    for (const c of t.connectors) out.push(`  ${describeConnector(c)}`);
  }
  if (section("ARC config", t.arcConfig)) {
    out.push(`  ARC trusted sealers: ${t.arcConfig.arcTrustedSealers.length > 0 ? t.arcConfig.arcTrustedSealers.join(", ") : "none"}`);
  }
  if (section("organization config", t.organizationConfig)) out.push(`  RejectDirectSend: ${yes(t.organizationConfig.rejectDirectSend)}`);
  if (section("anti-phishing policies", t.antiPhishPolicies)) {
    for (const p of t.antiPhishPolicies.items) {
      const actions = p.honorDmarcPolicy === true ? ` (p=reject → ${p.dmarcRejectAction ?? "unknown"}, p=quarantine → ${p.dmarcQuarantineAction ?? "unknown"})` : "";
      out.push(`  anti-phishing policy "${p.name}"${p.isDefault ? " (default)" : ""}: honours senders' DMARC policies ${yes(p.honorDmarcPolicy)}${actions}`);
    }
  }
  return out;
}

function describeConnector(c: Connector): string {
  const state = c.enabled === false ? "disabled" : c.enabled === true ? "enabled" : "state unknown";
  if (c.direction === "outbound") {
    const modes = [c.smtpDaneMode ? `DANE ${c.smtpDaneMode}` : "", c.mtaStsMode ? `MTA-STS ${c.mtaStsMode}` : ""].filter(Boolean).join(", ");
    return `outbound connector "${c.name}" (${state}${c.testMode ? ", in test mode" : ""}): ${c.useMXRecord ? "MX routing" : `smart hosts ${c.smartHosts.join(", ") || "none"}`}, TLS ${c.tlsSettings ?? "not set"}${modes ? `, ${modes}` : ""}`;
  }
  const lock = c.restrictDomainsToCertificate ? `locked to certificate ${c.tlsSenderCertificateName ?? "?"}` : c.restrictDomainsToIPAddresses ? "locked to sender IPs" : "not locked";
  const ef = c.efSkipLastIP ? "skip last IP" : c.efSkipIPs.length > 0 ? `skip IPs ${c.efSkipIPs.join(", ")}` : "off";
  const scope = [c.efTestMode ? "test mode" : "", c.efUsers.length > 0 ? `only ${c.efUsers.length} user(s)` : ""].filter(Boolean).join(", ");
  return `inbound connector "${c.name}" (${c.connectorType ?? "?"}, ${state}): Enhanced Filtering ${ef}${scope ? ` (${scope})` : ""}, ${lock}, TLS ${c.requireTls ? "required" : "not required"}`;
}
