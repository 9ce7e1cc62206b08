// Every probe, in one place. A domain probe fills one section of a domain's evidence
// (src/evidence/domain.ts); an MX-host probe one section of a host's (src/evidence/mx-host.ts),
// run once per host however many domains name it. The runners (domain.ts, host.ts) loop over these
// lists, so adding a probe is: its evidence schema, its probe file, one line here, and its rules.
// The order of a list is the order of the sections in evidence.json.
import type { DataCatalogue } from "../data/schema.js";
import type { DomainEvidence } from "../evidence/domain.js";
import type { MxHostEvidence } from "../evidence/mx-host.js";
import type { TenantEvidence } from "../evidence/tenant.js";
import { type DomainTarget, tenantFacts } from "../targets.js";
import { probeAddresses } from "./addresses.js";
import type { ProbeContext } from "./context.js";
import { probeDane } from "./dane/index.js";
import { tenantDkimSelectors } from "./dkim/tenant-selectors.js";
import { probeDkim } from "./dkim/index.js";
import { probeDmarc } from "./dmarc/index.js";
import { probeDomainDnssec } from "./dnssec.js";
import { detectGateway } from "./gateway.js";
import { probeHostDnssec } from "./host-dnssec.js";
import { probeMailPath } from "./mailpath.js";
import { probeMtaSts, withMxMatches } from "./mtasts/index.js";
import { probeMx } from "./mx.js";
import { entry } from "./sections.js";
import { probeSmtp } from "./smtp/index.js";
import { domainRole } from "./role.js";
import { probeSenderPtr } from "./sender-ptr.js";
import { probeSpf } from "./spf/index.js";
import { probeTlsRpt } from "./tlsrpt.js";

/** The sections domain probes make: everything in a domain's evidence but who it is and its role. */
export type DomainSections = Omit<DomainEvidence, "name" | "input" | "source" | "role">;

/** What a domain probe is given. */
export interface DomainProbeRun {
  target: DomainTarget;
  ctx: ProbeContext;
  /** Null when no tenant was collected in this run. */
  tenant: TenantEvidence | null;
  /** The gateway catalogue (rules/data and --data files), loaded once per run. */
  data: Pick<DataCatalogue, "gateways">;
}

const domain = entry<DomainSections, DomainProbeRun>();

export const DOMAIN_PROBES = [
  domain("mx", "MX records (RFC 5321 §5.1, Null MX RFC 7505)", (r) => probeMx(r.target.name, r.ctx)),
  domain("spf", "SPF record, check_host() walk and lint (RFC 7208)", (r) => probeSpf(r.target.name, r.ctx)),
  domain("senderPtr", "forward-confirmed PTR of each single address the SPF tree authorises", async (r) => probeSenderPtr(await r.section("spf"), r.ctx)),
  domain("dmarc", "DMARC record and policy discovery", (r) => probeDmarc(r.target.name, r.ctx)),
  domain("dkim", "DKIM key records at the tenant's and the user's selectors (RFC 6376 §3.6); the wildcard for parked domains", (r) =>
    probeDkim(r.target.name, r.ctx, tenantDkimSelectors(r.target.name, r.tenant), isParked(r))),
  domain("mtaSts", "MTA-STS record and policy (RFC 8461)", async (r) => withMxMatches(await probeMtaSts(r.target.name, r.ctx), await r.section("mx"))),
  domain("tlsRpt", "TLS-RPT record (RFC 8460)", (r) => probeTlsRpt(r.target.name, r.ctx)),
  domain("dnssec", "DNSSEC status of the domain's own answers (RFC 4035 §3.2.3)", (r) => probeDomainDnssec(r.target.name, r.ctx)),
  domain("gateway", "which service each MX host belongs to (rules/data gateways)", async (r) => detectGateway(await r.section("mx"), r.data)),
  domain("mailPath", "MX → gateway → connector → Enhanced Filtering → ARC trust", async (r) => {
    const gateway = await r.section("gateway");
    return gateway ? probeMailPath(r.target.name, gateway, r.tenant, r.data, r.ctx) : null;
  }),
] as const;

/** Whether the domain is parked (its role, from the MX and SPF answers and the tenant's facts). */
async function isParked(r: { target: DomainTarget; tenant: TenantEvidence | null; section: <K extends keyof DomainSections>(k: K) => Promise<DomainSections[K]> }): Promise<boolean> {
  const [mx, spf] = await Promise.all([r.section("mx"), r.section("spf")]);
  return domainRole({ name: r.target.name, mx, spf, ...tenantFacts(r.target.name, r.tenant) }).value === "parked";
}

/** The sections MX-host probes make. */
export type MxHostSections = Omit<MxHostEvidence, "host" | "domains">;

export interface MxHostProbeRun {
  host: string;
  ctx: ProbeContext;
}

const mxHost = entry<MxHostSections, MxHostProbeRun>();

export const MX_HOST_PROBES = [
  mxHost("addresses", "A and AAAA of the host", (r) => probeAddresses(r.host, r.ctx)),
  mxHost("smtp", "port 25 at every address: greeting, EHLO, STARTTLS, TLS (RFC 3207)", async (r) => {
    const addresses = await r.section("addresses");
    return probeSmtp(r.host, addresses.list, r.ctx, addresses.incomplete ?? null);
  }),
  mxHost("dnssec", "DNSSEC status of the host's address and TLSA answers (RFC 7672 §2.2)", async (r) => probeHostDnssec(r.host, await r.section("dane"), r.ctx)),
  mxHost("dane", "TLSA records against the chain STARTTLS presents (RFC 7672)", async (r) => probeDane(r.host, (await r.section("addresses")).list, r.ctx)),
] as const;
