// The inbound mail path of each domain as rows a report can lay out: MX → gateway → connector →
// Enhanced Filtering → ARC trust, each link with the verdict of the rule that judges it
// (gateway.detected, gateway.connector-lockdown, gateway.enhanced-filtering,
// gateway.arc-trusted-sealer). The workbook and the HTML report both draw from here.
import type { DomainEvidence } from "../evidence/domain.js";
import type { Evidence } from "../evidence/evidence.js";
import type { Finding } from "../evidence/findings.js";
import type { PathConnector } from "../evidence/mailpath.js";
import type { ReportInput } from "./view.js";

type Verdict = Finding["status"] | null;

export interface MailPathRow {
  domain: string;
  mx: string;
  gateway: string;
  gatewayVerdict: Verdict;
  /** The connector, or why none is on the path. */
  connector: string;
  lockDown: string;
  lockDownVerdict: Verdict;
  enhancedFiltering: string;
  enhancedFilteringVerdict: Verdict;
  arc: string;
  arcVerdict: Verdict;
}

export const MAIL_PATH_NOTE = "Each verdict is that of the rule that judges the link: gateway.detected, gateway.connector-lockdown, gateway.enhanced-filtering, gateway.arc-trusted-sealer.";

/** A row a link of each domain's path, domain by domain in name order (each domain read once). */
export function* mailPathRows({ evidence, findingsOf }: Pick<ReportInput, "evidence" | "findingsOf">): Generator<MailPathRow> {
  const verdict = (ruleId: string, subject: string): Verdict => findingsOf(subject).find((f) => f.ruleId === ruleId)?.status ?? null;
  const arcVerdict = verdict("gateway.arc-trusted-sealer", "tenant");
  for (const name of Object.keys(evidence.domains).sort()) {
    const rows: MailPathRow[] = [];
    const d = evidence.domains[name]!;
    const subject = `domain:${name}`;
    const mx = d.mx.error ? `unknown: ${d.mx.error.code}` : d.mx.nullMx ? "null MX" : d.mx.hosts.map((h) => h.exchange).join("\n") || "none";
    const base = { domain: name, mx, gatewayVerdict: verdict("gateway.detected", subject), lockDown: "", lockDownVerdict: null, enhancedFiltering: "", enhancedFilteringVerdict: null, arc: "", arcVerdict: null };
    const path = d.mailPath;
    // No chain to follow: say where mail goes, and why no connector is on the path.
    const noChain = (why: string) => rows.push({ ...base, gateway: whereMailGoesOf(d), connector: why });
    if (path?.error) noChain(`unknown: ${path.error.code}: ${path.error.message}`);
    else if (path && path.tenantAssessed && path.acceptedDomain === false) noChain("not an accepted domain of the tenant: none of its connectors applies");
    else if (!path || path.gateways.length === 0) noChain(d.gateway?.kind === "exchange-online" ? "none needed: the MX is Exchange Online" : path && !path.tenantAssessed ? "not assessed: no tenant in this run" : "none");
    else {
      for (const g of path.gateways) {
        for (const c of g.connectors.length > 0 ? g.connectors : [null]) {
          rows.push({
            ...base,
            mx: g.hosts.join("\n"),
            gateway: g.name,
            connector: c ? `${c.name} (${c.enabled === false ? "disabled" : c.enabled ? "enabled" : "state unknown"}; ${tie(c)})` : path.tenantAssessed ? "none found" : "not assessed (no tenant)",
            lockDown: c ? lockDown(c) : "",
            lockDownVerdict: verdict("gateway.connector-lockdown", subject),
            enhancedFiltering: c ? enhancedFiltering(c) : "",
            enhancedFilteringVerdict: verdict("gateway.enhanced-filtering", subject),
            arc: g.arc.sealers.length === 0 ? "sealer unknown" : g.arc.trusted.length > 0 ? `yes: ${g.arc.trusted.join(", ")}` : `no: ${g.arc.sealers.join(", ")} not trusted`,
            // The tenant's ARC verdict is about catalogue gateways; an unlisted host has no known sealer.
            arcVerdict: g.gatewayId ? arcVerdict : null,
          });
        }
      }
    }
    yield* rows;
  }
}

/** "Mimecast Email Security", "Exchange Online (…)", "null MX: receives no mail", "no MX". */
export function whereMailGoes(evidence: Evidence, domain: string): string {
  return whereMailGoesOf(evidence.domains[domain]!);
}

export function whereMailGoesOf(d: DomainEvidence): string {
  const g = d.gateway;
  if (d.mx.error) return `unknown: ${d.mx.error.code}`;
  if (d.mx.nullMx) return "null MX: receives no mail";
  if (d.mx.hosts.length === 0) return "no MX";
  if (!g) return d.mx.hosts.map((h) => h.exchange).join(", ");
  if (g.kind === "exchange-online") return `Exchange Online (${d.mx.hosts.map((h) => h.exchange).join(", ")})`;
  const parts = [...g.gateways.map((x) => x.name), ...g.unknownHosts];
  return `${parts.join(", ")}${g.kind === "mixed" ? " and Exchange Online" : ""}`;
}

/** How the connector was tied to the gateway; a name alone is not what Exchange Online matches on. */
function tie(c: PathConnector): string {
  const strong = c.matchedBy.filter((m) => m !== "name");
  return strong.length > 0 ? `tied by ${c.matchedBy.join(", ")}` : "tied by its name only: unconfirmed, Exchange Online never matches on a name";
}

function lockDown(c: PathConnector): string {
  const scope = c.allSenderDomains ? "every sender domain" : `sender domains ${c.senderDomains.join(", ") || "none"}`;
  if (c.restrictDomainsToCertificate) return `by certificate ${c.tlsSenderCertificateName ?? "(name not set)"}, ${scope}`;
  if (c.restrictDomainsToIPAddresses) return `by IP (${c.senderIPAddresses.join(", ") || "no addresses"}), ${scope}`;
  return "not locked: accepts mail from anywhere";
}

function enhancedFiltering(c: PathConnector): string {
  const ef = c.enhancedFiltering;
  const how = ef.skipLastIP ? "on, skip last IP" : ef.skipIPs.length > 0 ? `on, skip IPs ${ef.skipIPs.join(", ")} (covers egress: ${ef.skipIPsCoverEgress})` : "off";
  const scope = [ef.testMode ? "test mode" : "", ef.users.length > 0 ? `only ${ef.users.length} user(s)` : ""].filter(Boolean).join(", ");
  return scope ? `${how} (${scope})` : how;
}
