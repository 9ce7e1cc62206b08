// The PowerShell bundle a tenant admin would have made of a sandbox scenario: what
// scripts/Export-ExoPosture.ps1 writes for the same tenant. "script" is the script's own output
// (enum names, lists, no OData annotations, Graph pages as Invoke-MgGraphRequest returns them);
// "foreign" is a hand-made or older export in every other shape the reader must accept (enums as
// numbers, comma-joined lists, "True"/"False", \/Date(ms)\/, one object where a list belongs).
import { PER_DOMAIN_CMDLETS, TENANT_CMDLETS } from "../collect/allow-list.js";
import { BUNDLE_FORMAT } from "../collect/powershell-import.js";
import { isAnnotation } from "../collect/redact.js";
import { perDomainTargets } from "../targets.js";
import type { RawObject, Scenario } from "./scenario.js";

/** $ScriptVersion of scripts/Export-ExoPosture.ps1, whose output this writes. */
export const EXPORT_SCRIPT_VERSION = "3";

export interface BundleOptions {
  style?: "script" | "foreign";
  collectedAt?: string;
  /** Leave out Graph (the script without -IncludeGraph). */
  withoutGraph?: boolean;
}

export function bundleOf(scenario: Scenario, o: BundleOptions = {}): Record<string, unknown> {
  const shape = o.style === "foreign" ? foreign : (x: RawObject) => x;
  const cmdlets: Record<string, unknown> = {};
  for (const c of TENANT_CMDLETS) {
    const objects = scenario.exchange.cmdlets[c].map(stripAnnotations).map(shape);
    // PowerShell unrolls a one-object result unless the script wraps it in @(…).
    cmdlets[c] = o.style === "foreign" && objects.length === 1 ? objects[0] : objects;
  }
  const domains = perDomainTargets(scenario.exchange.cmdlets["Get-AcceptedDomain"]);
  for (const c of PER_DOMAIN_CMDLETS) {
    const byDomain = scenario.exchange.perDomain[c];
    cmdlets[c] = Object.fromEntries(domains.map((d) => [d, (byDomain[d] ?? []).map(stripAnnotations).map(shape)]));
  }
  return {
    format: BUNDLE_FORMAT,
    tenantId: scenario.tenantId,
    collectedAt: o.collectedAt ?? new Date().toISOString(),
    tool: { name: "Export-ExoPosture.ps1", version: EXPORT_SCRIPT_VERSION },
    cmdlets,
    ...(o.withoutGraph
      ? {}
      : { graph: { organization: { value: scenario.graph.organization }, domains: { value: scenario.graph.domains } } }),
  };
}

function stripAnnotations(obj: RawObject): RawObject {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !isAnnotation(k)));
}

const DOMAIN_TYPE_NUMBER: Record<string, number> = { Authoritative: 0, ExternalRelay: 1, InternalRelay: 2 };

/** The same facts in the other shapes exports come in. */
function foreign(obj: RawObject): RawObject {
  const out: RawObject = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === "DomainType" && typeof v === "string" && v in DOMAIN_TYPE_NUMBER) out[k] = DOMAIN_TYPE_NUMBER[v];
    else if (typeof v === "boolean") out[k] = v ? "True" : "False";
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[k.toLowerCase() === k ? k : lowerFirst(k)] = v.length === 0 ? null : v.join(",");
    else if (typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v)) out[k] = `/Date(${Date.parse(v)})/`;
    else if (k === "ExpectedMxRecord" && v && typeof v === "object") out[k] = (v as { Record?: unknown }).Record;
    else out[k] = v;
  }
  return out;
}

/** Property names are case-insensitive in PowerShell; a foreign export may differ in case. */
function lowerFirst(k: string): string {
  return k.charAt(0).toLowerCase() + k.slice(1);
}
