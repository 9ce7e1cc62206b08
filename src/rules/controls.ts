// The controls a rule counts towards: the closed set, with the label and the order the posture
// matrix shows them in. A rule names its control (`control:`) instead of the matrix guessing from
// id prefixes, so a new rule lands in the right column, or fails to load.
export const CONTROLS = [
  { id: "spf", label: "SPF" },
  { id: "dmarc", label: "DMARC" },
  { id: "dkim", label: "DKIM" },
  { id: "starttls", label: "STARTTLS" },
  { id: "mta-sts", label: "MTA-STS" },
  { id: "tls-rpt", label: "TLS-RPT" },
  { id: "dnssec", label: "DNSSEC" },
  { id: "dane", label: "DANE" },
  /** The way mail reaches Exchange Online: gateways, parked and onmicrosoft.com domains. */
  { id: "path", label: "Path" },
  // Tenant, connector and message rules: no matrix column (it is one row a domain), but named, so
  // every rule says what it counts towards.
  { id: "exchange", label: "Exchange Online" },
  { id: "connectors", label: "Connectors" },
  { id: "portals", label: "Encrypted portals" },
  { id: "arc", label: "ARC" },
] as const;

export type Control = (typeof CONTROLS)[number]["id"];

export const CONTROL_IDS = CONTROLS.map((c) => c.id) as [Control, ...Control[]];

/** A control's label for people ("MTA-STS"), or the id itself when the set does not hold it. */
export function controlLabel(id: string): string {
  return CONTROLS.find((c) => c.id === id)?.label ?? id;
}
