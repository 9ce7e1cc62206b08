// Raw cmdlet and Graph objects (live or from a bundle) → typed tenant evidence. The one path both
// sources take: liberal in what it reads (coerce.ts), strict in what it writes (the zod schema is
// applied to the result, so a bug here fails loudly instead of writing evidence the rules misread).
import type { EvidenceError } from "../evidence/common.js";
import type { ErrorCode } from "../evidence/errors.js";
import { parseWith } from "../input/parse.js";
import {
  ACCEPTED_DOMAIN_TYPES,
  type AcceptedDomain,
  type DkimSigningConfig,
  tenantEvidence,
  type TenantEvidence,
} from "../evidence/tenant.js";
import { PropertyReader, type RawObject } from "./coerce.js";
import { inboundConnectorOf, outboundConnectorOf } from "./normalize-connectors.js";
import { dnssecStatusOf, smtpDaneStatusOf } from "./normalize-domain-status.js";
import { antiPhishPolicyOf } from "./normalize-anti-phish.js";
import { byPriority, transportRuleOf } from "./normalize-transport-rules.js";
import type { Outcome, PerDomainOutcome, RawTenant } from "./raw.js";
import { redactRaw } from "./redact.js";

export interface NormalizeMeta {
  cloud: TenantEvidence["cloud"];
  collectedBy: TenantEvidence["collectedBy"];
}

// AcceptedDomainType's numbers as Exchange defines them (UNVERIFIED against a live export; a
// number is only ever seen in hand-made bundles, since our script writes names).
const DOMAIN_TYPE_NUMBERS = { 0: "Authoritative", 1: "ExternalRelay", 2: "InternalRelay" } as const;

export function normalizeTenant(raw: RawTenant, meta: NormalizeMeta): TenantEvidence {
  const c = raw.cmdlets;
  const inbound = listSection(c["Get-InboundConnector"], inboundConnectorOf);
  const outbound = listSection(c["Get-OutboundConnector"], outboundConnectorOf);
  const transportRules = listSection(c["Get-TransportRule"], transportRuleOf);
  transportRules.items.sort(byPriority);
  const evidence: TenantEvidence = {
    tenantId: raw.tenantId,
    cloud: meta.cloud,
    source: raw.source,
    collectedAt: raw.collectedAt,
    collectedBy: meta.collectedBy,
    organization: organizationOf(raw.graph.organization),
    domains: listSection(raw.graph.domains, graphDomainOf),
    acceptedDomains: listSection(c["Get-AcceptedDomain"], acceptedDomainOf),
    inboundConnectors: { error: inbound.error, warnings: inbound.warnings, possiblyTruncated: inbound.possiblyTruncated, count: inbound.items.length },
    outboundConnectors: { error: outbound.error, warnings: outbound.warnings, possiblyTruncated: outbound.possiblyTruncated, count: outbound.items.length },
    connectors: [...inbound.items, ...outbound.items],
    dkimSigningConfigs: listSection(c["Get-DkimSigningConfig"], dkimOf),
    arcConfig: arcConfigOf(c["Get-ArcConfig"]),
    transportRules,
    organizationConfig: organizationConfigOf(c["Get-OrganizationConfig"]),
    antiPhishPolicies: listSection(c["Get-AntiPhishPolicy"], antiPhishPolicyOf),
    dnssecStatus: perDomainSection(raw.perDomain["Get-DnssecStatusForVerifiedDomain"], dnssecStatusOf),
    smtpDaneInbound: perDomainSection(raw.perDomain["Get-SmtpDaneInboundStatus"], smtpDaneStatusOf),
  };
  return parseWith(tenantEvidence, evidence, "normalized tenant evidence");
}

function listSection<T>(o: Outcome, itemOf: (obj: RawObject, warnings: string[]) => T | null) {
  const warnings = [...o.warnings];
  const items: T[] = [];
  for (const obj of o.objects) {
    const item = itemOf(obj, warnings);
    if (item !== null) items.push(item);
  }
  return { error: o.error, warnings, possiblyTruncated: o.possiblyTruncated, items };
}

/** A cmdlet that always answers with exactly one object (Get-ArcConfig, Get-OrganizationConfig). */
function singleton(what: string, o: Outcome, warnings: string[], emptyCode: ErrorCode = "EXO_EMPTY_RESULT"): { obj: RawObject | null; error: EvidenceError | null } {
  if (o.error) return { obj: null, error: o.error };
  if (o.objects.length === 0) return { obj: null, error: { code: emptyCode, message: `${what} returned nothing, so its settings are unknown` } };
  if (o.objects.length > 1) warnings.push(`${what}: ${o.objects.length} objects came back; the first is used`);
  return { obj: o.objects[0]!, error: null };
}

function acceptedDomainOf(obj: RawObject, warnings: string[]): AcceptedDomain | null {
  const r = new PropertyReader(obj, warnings, `Get-AcceptedDomain ${JSON.stringify(String(obj.DomainName ?? obj.Name ?? "?"))}`);
  const name = r.str("DomainName") ?? r.str("Name");
  if (!name) {
    warnings.push("Get-AcceptedDomain: an object without DomainName was skipped");
    return null;
  }
  const type = r.enumOf("DomainType", ACCEPTED_DOMAIN_TYPES, DOMAIN_TYPE_NUMBERS);
  return {
    domainName: name.toLowerCase().replace(/\.$/, ""),
    domainType: (ACCEPTED_DOMAIN_TYPES as readonly string[]).includes(type ?? "") ? (type as AcceptedDomain["domainType"]) : null,
    default: r.bool("Default"),
    initial: r.bool("InitialDomain"),
    matchSubDomains: r.bool("MatchSubDomains"),
    smtpDaneStatus: r.enumOf("SmtpDaneStatus", ["Enabled", "Disabled"] as const),
    raw: redactRaw(obj),
  };
}

function dkimOf(obj: RawObject, warnings: string[]): DkimSigningConfig | null {
  const r = new PropertyReader(obj, warnings, `Get-DkimSigningConfig ${JSON.stringify(String(obj.Domain ?? obj.Name ?? "?"))}`);
  const domain = r.str("Domain") ?? r.str("Name");
  if (!domain) {
    warnings.push("Get-DkimSigningConfig: an object without Domain was skipped");
    return null;
  }
  return {
    domain: domain.toLowerCase(),
    enabled: r.bool("Enabled"),
    status: r.str("Status"),
    selector1CNAME: r.str("Selector1CNAME")?.toLowerCase() ?? null,
    selector2CNAME: r.str("Selector2CNAME")?.toLowerCase() ?? null,
    selector1KeySize: r.int("Selector1KeySize"),
    selector2KeySize: r.int("Selector2KeySize"),
    keyCreationTime: r.date("KeyCreationTime"),
    rotateOnDate: r.date("RotateOnDate"),
    raw: redactRaw(obj),
  };
}

function arcConfigOf(o: Outcome): TenantEvidence["arcConfig"] {
  const warnings = [...o.warnings];
  const { obj, error } = singleton("Get-ArcConfig", o, warnings);
  // ArcTrustedSealers may be one comma-joined string or a list (docs/exchange-online-api.md); domains are case-insensitive.
  const sealers = obj ? new PropertyReader(obj, warnings, "Get-ArcConfig").list("ArcTrustedSealers").map((s) => s.toLowerCase().replace(/\.$/, "")) : [];
  return { error, warnings, possiblyTruncated: o.possiblyTruncated, arcTrustedSealers: [...new Set(sealers)], raw: obj ? redactRaw(obj) : null };
}

function organizationConfigOf(o: Outcome): TenantEvidence["organizationConfig"] {
  const warnings = [...o.warnings];
  const { obj, error } = singleton("Get-OrganizationConfig", o, warnings);
  const r = obj ? new PropertyReader(obj, warnings, "Get-OrganizationConfig") : null;
  if (r && !r.has("RejectDirectSend")) warnings.push("Get-OrganizationConfig: RejectDirectSend is not in the answer (unknown)");
  return { error, warnings, possiblyTruncated: o.possiblyTruncated, rejectDirectSend: r?.bool("RejectDirectSend") ?? null, raw: obj ? redactRaw(obj) : null };
}

function organizationOf(o: Outcome): TenantEvidence["organization"] {
  const warnings = [...o.warnings];
  const { obj, error } = singleton("GET /organization", o, warnings, "GRAPH_EMPTY_RESULT");
  const r = obj ? new PropertyReader(obj, warnings, "organization") : null;
  const verified = r?.get("verifiedDomains");
  return {
    error,
    warnings,
    possiblyTruncated: o.possiblyTruncated,
    id: r?.str("id") ?? null,
    displayName: r?.str("displayName") ?? null,
    verifiedDomains: (Array.isArray(verified) ? verified : [])
      .filter((d): d is RawObject => d !== null && typeof d === "object")
      .map((d) => {
        const v = new PropertyReader(d, warnings, "organization.verifiedDomains");
        return {
          name: (v.str("name") ?? "").toLowerCase(),
          isDefault: v.bool("isDefault"),
          isInitial: v.bool("isInitial"),
          type: v.str("type"),
          // Graph gives capabilities as one comma-joined string ("Email, OfficeCommunicationsOnline").
          capabilities: v.list("capabilities"),
        };
      })
      .filter((d) => d.name !== ""),
    raw: obj ? redactRaw(obj) : null,
  };
}

function graphDomainOf(obj: RawObject, warnings: string[]) {
  const r = new PropertyReader(obj, warnings, `domain ${JSON.stringify(String(obj.id ?? "?"))}`);
  const id = r.str("id");
  if (!id) {
    warnings.push("GET /domains: an object without id was skipped");
    return null;
  }
  return {
    id: id.toLowerCase(),
    isVerified: r.bool("isVerified"),
    isDefault: r.bool("isDefault"),
    isInitial: r.bool("isInitial"),
    authenticationType: r.str("authenticationType"),
    supportedServices: r.list("supportedServices"),
    raw: redactRaw(obj),
  };
}

function perDomainSection<T>(p: PerDomainOutcome, entryOf: (domain: string, o: Outcome) => T): { error: EvidenceError | null; domains: Record<string, T> } {
  const domains: Record<string, T> = {};
  for (const name of Object.keys(p.domains).sort()) domains[name] = entryOf(name, p.domains[name]!);
  return { error: p.error, domains };
}
