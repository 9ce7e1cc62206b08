// Which domains a run assesses, and what the tenant knows of each: one module, one target type.
// Names come from three places — --domain, --domains-file and the tenant's accepted domains — and
// each is normalised once, here (lower-case A-label, no root dot: src/dns/name.ts), so every later
// comparison (roles, connectors, findings) compares like with like.
import { PropertyReader, type RawObject } from "./collect/coerce.js";
import { isIP } from "node:net";
import { normalizeDomain } from "./dns/name.js";
import type { DomainEvidence } from "./evidence/domain.js";
import type { AcceptedDomain, TenantEvidence } from "./evidence/tenant.js";
import { InputError } from "./input/errors.js";
import { MAX_BYTES, readUserFile } from "./input/read-file.js";

/** Bad domain lines named one by one before the rest are counted. */
const MAX_PROBLEMS_SHOWN = 20;

export interface DomainTarget {
  /** Normalised: lower-case A-label, no trailing dot. */
  name: string;
  /** As the user or the tenant gave it. */
  input: string;
  source: DomainEvidence["source"];
}

/** --domain (repeatable) and --domains-file: every bad line is named, and nothing runs until all are good. */
export async function readTargets(domains: string[], file?: string): Promise<DomainTarget[]> {
  const problems: string[] = [];
  const targets: DomainTarget[] = [];
  const add = (input: string, source: DomainTarget["source"], where: string) => {
    const address = notADomain(input);
    if (address) return void problems.push(`${where}: "${input.slice(0, 80)}": ${address}`);
    const r = normalizeDomain(input);
    if (!r.ok) problems.push(`${where}: "${input.slice(0, 80)}": ${r.reason}`);
    else targets.push({ name: r.name, input, source });
  };
  domains.forEach((d, i) => add(d, "cli", `--domain #${i + 1}`));
  if (file) {
    const text = await readUserFile(file, "the domains file", MAX_BYTES.domains);
    text.split(/\r?\n/).forEach((line, i) => {
      // One domain per line; `#` starts a comment, blank lines are skipped.
      const content = line.replace(/#.*$/, "").trim();
      if (content !== "") add(content, "file", `${file}:${i + 1}`);
    });
  }
  // Every bad line is named, up to a screenful: 100,000 junk lines must not make a 7 MB message.
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more bad line${problems.length - shown.length > 1 ? "s" : ""} (${problems.length} in all)` : "";
    throw new InputError(`invalid domain names:\n  ${shown.join("\n  ")}${more}`);
  }
  return unique(targets);
}

/**
 * An IP address looks like a name to the DNS rules (labels of digits), and would be judged a parked
 * domain with four high failures. No top-level domain is all digits (RFC 3696 §2), so a name whose
 * last label is, or an IPv6 address, is refused as input.
 */
function notADomain(input: string): string | null {
  const s = input.trim().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  if (isIP(s) !== 0) return "an IP address, not a domain: give the mail domain (the part after @)";
  if (/^[0-9]+$/.test(s.split(".").at(-1) ?? "")) return "its last label is all digits, so it is an address, not a domain (RFC 3696 §2)";
  return null;
}

/**
 * The tenant's accepted domains a run probes: Authoritative and InternalRelay ones (an unknown type
 * is probed rather than skipped). ExternalRelay domains are hosted elsewhere; the tenant only relays
 * for them. A name that is not a valid domain came from outside, so it is logged and skipped.
 */
export function tenantTargets(tenant: TenantEvidence, log: (message: string) => void = () => {}): DomainTarget[] {
  const targets: DomainTarget[] = [];
  for (const d of tenant.acceptedDomains.items) {
    if (d.domainType === "ExternalRelay") continue;
    const r = normalizeDomain(d.domainName);
    if (!r.ok) log(`skipping the tenant's accepted domain "${d.domainName.slice(0, 80)}": ${r.reason}`);
    else targets.push({ name: r.name, input: d.domainName, source: "tenant" });
  }
  return unique(targets);
}

/** The tenant's domains first, then any given on the command line that are not among them. */
export function mergeTargets(fromTenant: DomainTarget[], given: DomainTarget[]): DomainTarget[] {
  return unique([...fromTenant, ...given]);
}

/**
 * The accepted domains the per-domain cmdlets (Get-DnssecStatusForVerifiedDomain,
 * Get-SmtpDaneInboundStatus) are asked about, from the objects Get-AcceptedDomain returned: every
 * one but the tenant's Microsoft-hosted domains (onmicrosoft.com and the like), whose DNS and MX are
 * Microsoft's and which these cmdlets are not for. Sorted, unique. Live runs and the bundle check
 * use this one answer, so both cover the same domains.
 */
export function perDomainTargets(acceptedDomains: RawObject[]): string[] {
  const names = acceptedDomains
    .map((obj) => normalizeDomain(new PropertyReader(obj, [], "Get-AcceptedDomain").str("DomainName") ?? ""))
    .flatMap((r) => (r.ok && !MICROSOFT_HOSTED.test(r.name) ? [r.name] : []));
  return [...new Set(names)].sort();
}

const MICROSOFT_HOSTED = /(^|\.)(onmicrosoft\.com|onmicrosoft\.us|partner\.onmschina\.cn)$/;

/** What the tenant says about one of its domains; both facts change the domain's role. */
export interface TenantFacts {
  acceptedDomainType: AcceptedDomain["domainType"] | null;
  /** DKIM signing is on for the domain: the tenant sends mail as it. */
  tenantSends: boolean;
}

export function tenantFacts(name: string, tenant: TenantEvidence | null): TenantFacts {
  if (!tenant) return { acceptedDomainType: null, tenantSends: false };
  const same = (other: string) => {
    const r = normalizeDomain(other);
    return r.ok && r.name === name;
  };
  const accepted = tenant.acceptedDomains.items.find((a) => same(a.domainName));
  const tenantSends = tenant.dkimSigningConfigs.items.some((c) => c.enabled === true && same(c.domain));
  return { acceptedDomainType: accepted?.domainType ?? null, tenantSends };
}

function unique(targets: DomainTarget[]): DomainTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => !seen.has(t.name) && seen.add(t.name));
}
