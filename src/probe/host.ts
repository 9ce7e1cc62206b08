// One MX host's evidence: every MX-host probe of the registry, once per run however many domains
// point at the host.
import type { MxHostEvidence } from "../evidence/mx-host.js";
import type { ProbeContext } from "./context.js";
import { MX_HOST_PROBES } from "./registry.js";
import { runProbes } from "./sections.js";

export async function probeHost(host: string, domains: string[], ctx: ProbeContext): Promise<MxHostEvidence> {
  return { host, domains, ...(await runProbes(MX_HOST_PROBES, { host, ctx })) };
}
