// Mail path: for each domain, the inbound chain MX → gateway → connector → Enhanced Filtering →
// ARC trust, one row a gateway and connector, each link with the verdict of the rule that judges
// it (gateway.detected, gateway.connector-lockdown, gateway.enhanced-filtering,
// gateway.arc-trusted-sealer), so the chain reads left to right as mail travels.
import type ExcelJS from "exceljs";
import type { Evidence } from "../../evidence/evidence.js";
import type { PathConnector } from "../../evidence/mailpath.js";
import type { Finding, Findings } from "../../evidence/findings.js";
import { LEGEND, whereMailGoes } from "./domains-sheet.js";
import { addSheet, FONT, STATUS_SHORT, statusFill, text } from "./style.js";

const COLUMNS = [
  { header: "Domain", width: 28 },
  { header: "MX hosts", width: 34, wrap: true },
  { header: "Gateway", width: 22, wrap: true },
  { header: "Gateway verdict", width: 12 },
  { header: "Inbound connector", width: 30, wrap: true },
  { header: "Locked to the gateway", width: 30, wrap: true },
  { header: "Lock-down verdict", width: 12 },
  { header: "Enhanced Filtering", width: 32, wrap: true },
  { header: "Enhanced Filtering verdict", width: 12 },
  { header: "ARC sealer trusted", width: 28, wrap: true },
  { header: "ARC verdict", width: 12 },
];

export function mailPathSheet(wb: ExcelJS.Workbook, evidence: Evidence, findings: Findings): void {
  const ws = addSheet(wb, "Mail path", COLUMNS);
  const verdict = (ruleId: string, subject: string): Finding["status"] | null => findings.findings.find((f) => f.ruleId === ruleId && f.subject === subject)?.status ?? null;
  const arc = verdict("gateway.arc-trusted-sealer", "tenant");
  const put = (values: (string | null)[], statuses: Record<number, Finding["status"] | null>) => {
    const row = ws.addRow(values.map((v) => text(v ?? "")));
    for (const [col, st] of Object.entries(statuses)) {
      if (!st) continue;
      row.getCell(Number(col)).value = STATUS_SHORT[st];
      statusFill(row.getCell(Number(col)), st);
    }
  };
  for (const name of Object.keys(evidence.domains).sort()) {
    const d = evidence.domains[name]!;
    const subject = `domain:${name}`;
    const mx = d.mx.error ? `unknown: ${d.mx.error.code}` : d.mx.nullMx ? "null MX" : d.mx.hosts.map((h) => h.exchange).join("\n") || "none";
    const detected = verdict("gateway.detected", subject);
    const path = d.mailPath;
    // No chain to follow: say where mail goes, and why no connector is on the path.
    const noChain = (why: string) => put([name, mx, whereMailGoes(evidence, name), null, why, "", null, "", null, "", null], { 4: detected });
    if (path?.error) { noChain(`unknown: ${path.error.code}: ${path.error.message}`); continue; }
    if (path && path.tenantAssessed && path.acceptedDomain === false) { noChain("not an accepted domain of the tenant: none of its connectors applies"); continue; }
    if (!path || path.gateways.length === 0) {
      noChain(d.gateway?.kind === "exchange-online" ? "none needed: the MX is Exchange Online" : path && !path.tenantAssessed ? "not assessed: no tenant in this run" : "none");
      continue;
    }
    for (const g of path.gateways) {
      const connectors: (PathConnector | null)[] = g.connectors.length > 0 ? g.connectors : [null];
      for (const c of connectors) {
        put(
          [
            name, g.hosts.join("\n"), g.name, null,
            c ? `${c.name} (${c.enabled === false ? "disabled" : c.enabled ? "enabled" : "state unknown"}; matched by ${c.matchedBy.join(", ")})` : path.tenantAssessed ? "none found" : "not assessed (no tenant)",
            c ? lockDown(c) : "", null,
            c ? enhancedFiltering(c) : "", null,
            g.arc.sealers.length === 0 ? "sealer unknown" : g.arc.trusted.length > 0 ? `yes: ${g.arc.trusted.join(", ")}` : `no: ${g.arc.sealers.join(", ")} not trusted`,
            null,
          ],
          // The tenant's ARC verdict is about catalogue gateways; an unlisted host has no known sealer.
          { 4: detected, 7: verdict("gateway.connector-lockdown", subject), 9: verdict("gateway.enhanced-filtering", subject), 11: g.gatewayId ? arc : null },
        );
      }
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  ws.addRow([]);
  ws.addRow([LEGEND.replace("Each cell is the worst verdict of that control's checks for the domain and its MX hosts", "Each verdict is the rule's that judges that link (gateway.detected, gateway.connector-lockdown, gateway.enhanced-filtering, gateway.arc-trusted-sealer)")]).font = { ...FONT, italic: true };
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
