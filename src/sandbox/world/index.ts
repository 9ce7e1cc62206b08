// The built-in sample world that `exo-posture demo` and the integration tests run against.
// Each area of the product adds its zones in its own file here; zones with the same origin
// (the shared outside world: outlook.com, a gateway vendor) are merged.
import type { Zone } from "../dns/zone.js";
import { antispoofingDomains, antispoofingZones, mailCheckZone } from "./antispoofing.js";
import { baseDomains, baseZones } from "./base.js";
import { tenantZones } from "./tenant.js";
import { mailPathZones } from "../tenants/mail-path/zones.js";
import { mtaStsZones } from "./mtasts.js";
import { spfDomains, spfZones } from "./spf.js";

export interface SampleWorld {
  /** The domains the demo assesses, in the order the summary lists them. */
  domains: string[];
  zones: Zone[];
}

export function sampleWorld(): SampleWorld {
  return { domains: [...baseDomains, ...antispoofingDomains, ...spfDomains], zones: mergeZones([...baseZones(), ...mtaStsZones(), ...antispoofingZones(), ...spfZones(), ...tenantZones(), ...mailPathZones(), mailCheckZone()]) };
}

export { startTransportWorld } from "./transport.js";

/** Adds domains and zones made at run time (the transport world's TLSA data depends on its certificates). */
export function extendWorld(world: SampleWorld, domains: string[], zones: Zone[]): SampleWorld {
  return { domains: [...world.domains, ...domains], zones: mergeZones([...world.zones, ...zones]) };
}

function mergeZones(zones: Zone[]): Zone[] {
  const byOrigin = new Map<string, Zone>();
  for (const z of zones) {
    const seen = byOrigin.get(z.origin);
    if (!seen) byOrigin.set(z.origin, { ...z, records: [...z.records] });
    else if (seen.dnssec !== z.dnssec) throw new Error(`sample world: zone ${z.origin} is both ${seen.dnssec} and ${z.dnssec}`);
    else seen.records.push(...z.records);
  }
  return [...byOrigin.values()];
}
