// The only Exchange cmdlets this tool will ever ask for. All read-only (Get-*), checked before a
// token is fetched or a byte is sent, so no bug and no input can make the tool change a tenant.
import { CollectError } from "./errors.js";

/** Run once for the tenant. */
export const TENANT_CMDLETS = [
  "Get-AcceptedDomain",
  "Get-InboundConnector",
  "Get-OutboundConnector",
  "Get-DkimSigningConfig",
  "Get-ArcConfig",
  "Get-TransportRule",
  "Get-OrganizationConfig",
  "Get-AntiPhishPolicy",
] as const;

/** Run once per accepted domain, with -DomainName. */
export const PER_DOMAIN_CMDLETS = ["Get-DnssecStatusForVerifiedDomain", "Get-SmtpDaneInboundStatus"] as const;

export type TenantCmdlet = (typeof TENANT_CMDLETS)[number];
export type PerDomainCmdlet = (typeof PER_DOMAIN_CMDLETS)[number];
export type AllowedCmdlet = TenantCmdlet | PerDomainCmdlet;

const ALLOWED: ReadonlySet<string> = new Set<string>([...TENANT_CMDLETS, ...PER_DOMAIN_CMDLETS]);

/** Parameters a cmdlet may be given: plain values only (no script blocks, no nested objects). */
const PARAMETERS: Record<AllowedCmdlet, readonly string[]> = {
  "Get-AcceptedDomain": ["ResultSize"],
  "Get-InboundConnector": ["ResultSize"],
  "Get-OutboundConnector": ["ResultSize", "IncludeTestModeConnectors"],
  "Get-DkimSigningConfig": ["ResultSize"],
  "Get-ArcConfig": [],
  "Get-TransportRule": ["ResultSize"],
  "Get-OrganizationConfig": [],
  "Get-AntiPhishPolicy": [],
  "Get-DnssecStatusForVerifiedDomain": ["DomainName"],
  "Get-SmtpDaneInboundStatus": ["DomainName"],
};

export function isAllowedCmdlet(name: string): name is AllowedCmdlet {
  return ALLOWED.has(name);
}

/** Throws EXO_CMDLET_REFUSED for anything off the list, or a parameter the cmdlet is not allowed. */
export function assertAllowed(name: string, parameters: Record<string, unknown>): asserts name is AllowedCmdlet {
  // Exact, case-sensitive match: "get-inboundconnector " or "Set-…" never slips through.
  if (!isAllowedCmdlet(name)) {
    throw new CollectError("EXO_CMDLET_REFUSED", `refused to run ${JSON.stringify(name)}: only these read-only cmdlets are allowed: ${[...ALLOWED].join(", ")}`);
  }
  for (const [k, v] of Object.entries(parameters)) {
    if (!PARAMETERS[name].includes(k)) throw new CollectError("EXO_CMDLET_REFUSED", `refused to run ${name} with parameter ${JSON.stringify(k)}`);
    if (!["string", "number", "boolean"].includes(typeof v)) {
      throw new CollectError("EXO_CMDLET_REFUSED", `refused to run ${name}: parameter ${k} must be a plain value`);
    }
  }
}
