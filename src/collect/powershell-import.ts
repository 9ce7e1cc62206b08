// `--tenant-bundle <file>`: what scripts/Export-ExoPosture.ps1 wrote, for tenants that cannot grant
// an app registration. It becomes the same raw shape as a live run (raw.ts). A bundle that is not
// what the script writes is refused with one line; a cmdlet missing from it is an evidence error,
// never an empty list: a partial bundle is never taken as complete.
import { MAX_BYTES, readJsonFile } from "../input/read-file.js";
import { z } from "zod";
import { isGuid } from "../auth/tenant-id.js";
import type { EvidenceError } from "../evidence/common.js";
import { InputError } from "../input/errors.js";
import { parseWith } from "../input/parse.js";
import { PER_DOMAIN_CMDLETS, type PerDomainCmdlet, TENANT_CMDLETS, type TenantCmdlet } from "./allow-list.js";
import type { RawObject } from "./coerce.js";
import { perDomainTargets } from "../targets.js";
import type { Outcome, PerDomainOutcome, RawTenant } from "./raw.js";

export const BUNDLE_FORMAT = "exo-posture-bundle/1";

const bundleSchema = z.object({
  format: z.string(),
  tenantId: z.string().min(1),
  collectedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: "must be a date and time" }),
  cmdlets: z.record(z.string(), z.unknown()),
  /** Cmdlet → the error that stopped it; per-domain cmdlets: domain → error. */
  errors: z.record(z.string(), z.union([z.string(), z.record(z.string(), z.string())])).optional(),
  /** Cmdlet → warnings PowerShell printed while it ran. */
  warnings: z.record(z.string(), z.array(z.string())).optional(),
  /** Raw Graph JSON (Invoke-MgGraphRequest), when the script ran with -IncludeGraph. */
  graph: z.object({ organization: z.unknown().optional(), domains: z.unknown().optional() }).optional(),
  tool: z.object({ name: z.string(), version: z.string() }).partial().optional(),
});

export async function readBundle(file: string): Promise<RawTenant> {
  return parseBundle(await readJsonFile(file, "the tenant bundle", "; was it cut short?", MAX_BYTES.bundle), file);
}

export function parseBundle(json: unknown, file: string): RawTenant {
  const what = `the tenant bundle ${file}`;
  if (json === null || typeof json !== "object" || Array.isArray(json) || typeof (json as { format?: unknown }).format !== "string") {
    throw new InputError(`${what} is not an exo-posture bundle: it has no "format": "${BUNDLE_FORMAT}" (make it with scripts/Export-ExoPosture.ps1)`);
  }
  const b = parseWith(bundleSchema, json, what);
  if (b.format !== BUNDLE_FORMAT) throw new InputError(`${what} has format "${b.format}"; this version reads "${BUNDLE_FORMAT}"`);
  if (!isGuid(b.tenantId) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(b.tenantId)) {
    throw new InputError(`${what}: tenantId ${JSON.stringify(b.tenantId.slice(0, 60))} is neither a directory id nor a domain`);
  }

  const known = new Map<string, TenantCmdlet | PerDomainCmdlet>([...TENANT_CMDLETS, ...PER_DOMAIN_CMDLETS].map((c) => [c.toLowerCase(), c]));
  const canonical = (key: string) => known.get(key.toLowerCase());
  const unknown = [...Object.keys(b.cmdlets), ...Object.keys(b.errors ?? {}), ...Object.keys(b.warnings ?? {})].filter((k) => !canonical(k));
  if (unknown.length > 0) throw new InputError(`${what} has output of cmdlets this tool does not read: ${[...new Set(unknown)].join(", ")}`);
  const lookup = <T>(rec: Record<string, T> | undefined, cmdlet: string): T | undefined =>
    rec ? Object.entries(rec).find(([k]) => canonical(k) === cmdlet)?.[1] : undefined;

  const cmdlets = {} as Record<TenantCmdlet, Outcome>;
  for (const c of TENANT_CMDLETS) {
    const err = lookup(b.errors, c);
    const warnings = lookup(b.warnings, c) ?? [];
    const value = lookup(b.cmdlets, c);
    if (typeof err === "string") cmdlets[c] = failedInBundle(c, err);
    else if (value === undefined) cmdlets[c] = missing(c);
    else cmdlets[c] = { error: null, warnings, possiblyTruncated: warnings.length > 0, objects: objectsOf(value, `${what}: cmdlets.${c}`) };
  }

  const perDomain = {} as Record<PerDomainCmdlet, PerDomainOutcome>;
  for (const c of PER_DOMAIN_CMDLETS) {
    const value = lookup(b.cmdlets, c);
    const errs = lookup(b.errors, c);
    if (typeof errs === "string") {
      perDomain[c] = { error: failedInBundle(c, errs).error, domains: {} };
      continue;
    }
    if (value === undefined && errs === undefined) {
      perDomain[c] = { error: missing(c).error, domains: {} };
      continue;
    }
    if (value !== undefined && (value === null || typeof value !== "object" || Array.isArray(value))) {
      throw new InputError(`${what}: cmdlets.${c} must map each domain to its output, got ${kind(value)}`);
    }
    const domains: Record<string, Outcome> = {};
    for (const [domain, out] of Object.entries((value ?? {}) as Record<string, unknown>)) {
      domains[domain.toLowerCase()] = { error: null, warnings: [], possiblyTruncated: false, objects: objectsOf(out, `${what}: cmdlets.${c}.${domain}`) };
    }
    for (const [domain, message] of Object.entries(errs ?? {})) domains[domain.toLowerCase()] = failedInBundle(`${c} ${domain}`, message);
    // Every domain a live run would have asked about must be there, or say it is missing.
    if (!cmdlets["Get-AcceptedDomain"].error) {
      for (const d of perDomainTargets(cmdlets["Get-AcceptedDomain"].objects)) domains[d] ??= missing(`${c} ${d}`);
    }
    perDomain[c] = { error: null, domains };
  }

  const graph = b.graph;
  const graphOutcome = (key: "organization" | "domains"): Outcome => {
    const v = graph?.[key];
    if (v === undefined) {
      return { error: { code: "BUNDLE_MISSING", message: `the bundle has no Graph ${key} (make it with -IncludeGraph to include it)` }, warnings: [], possiblyTruncated: false, objects: [] };
    }
    // Invoke-MgGraphRequest returns the whole page: take its value list.
    const list = v !== null && typeof v === "object" && !Array.isArray(v) && "value" in v ? (v as { value: unknown }).value : v;
    return { error: null, warnings: [], possiblyTruncated: false, objects: objectsOf(list, `${what}: graph.${key}`) };
  };

  return {
    tenantId: b.tenantId,
    collectedAt: new Date(b.collectedAt).toISOString(),
    source: "bundle",
    graph: { organization: graphOutcome("organization"), domains: graphOutcome("domains") },
    cmdlets,
    perDomain,
  };
}

/** A list of objects; PowerShell unrolls a one-item list into the item, and writes none as null. */
function objectsOf(v: unknown, where: string): RawObject[] {
  if (v === null) return [];
  const items = Array.isArray(v) ? v : [v];
  items.forEach((item, i) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      throw new InputError(`${where}${Array.isArray(v) ? `[${i}]` : ""} must be an object as the cmdlet returns it, got ${kind(item)}`);
    }
  });
  return items as RawObject[];
}

function kind(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "string" ? `the string ${JSON.stringify(v.slice(0, 40))}` : typeof v;
}

function missing(cmdlet: string): Outcome {
  const error: EvidenceError = { code: "BUNDLE_MISSING", message: `the bundle has no ${cmdlet} output, so this was not collected` };
  return { error, warnings: [], possiblyTruncated: false, objects: [] };
}

function failedInBundle(cmdlet: string, message: string): Outcome {
  const error: EvidenceError = { code: "BUNDLE_CMDLET_FAILED", message: `${cmdlet} failed when the bundle was made: ${message.slice(0, 500)}` };
  return { error, warnings: [], possiblyTruncated: false, objects: [] };
}
