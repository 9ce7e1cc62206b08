// The one raw shape both ways of collecting produce (live and the PowerShell bundle): per cmdlet,
// the objects as Microsoft returned them, or the error that stopped it. The normalizer reads only
// this, so live and bundle evidence cannot drift apart.
import type { EvidenceError } from "../evidence/common.js";
import { thrownError } from "../evidence/thrown.js";
import { scrubSecrets } from "../text/secrets.js";
import type { PerDomainCmdlet, TenantCmdlet } from "./allow-list.js";

export interface Outcome {
  error: EvidenceError | null;
  warnings: string[];
  possiblyTruncated: boolean;
  objects: Record<string, unknown>[];
}

export interface PerDomainOutcome {
  /** Set when the cmdlet could not be run for any domain (the accepted domains are unknown …). */
  error: EvidenceError | null;
  domains: Record<string, Outcome>;
}

export interface RawTenant {
  tenantId: string;
  collectedAt: string;
  source: "live" | "bundle";
  graph: { organization: Outcome; domains: Outcome };
  cmdlets: Record<TenantCmdlet, Outcome>;
  perDomain: Record<PerDomainCmdlet, PerDomainOutcome>;
}

export function succeeded(objects: Record<string, unknown>[], warnings: string[] = [], possiblyTruncated = false): Outcome {
  return { error: null, warnings, possiblyTruncated: possiblyTruncated || warnings.length > 0, objects };
}

/** Whatever a server put in its error (an echoed Authorization header …) never becomes evidence. */
export function failed(err: unknown): Outcome {
  const error = thrownError(err);
  return { error: { ...error, message: scrubSecrets(error.message) }, warnings: [], possiblyTruncated: false, objects: [] };
}
