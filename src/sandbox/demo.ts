// Starts the whole sample world on loopback (DNS today; HTTPS, SMTP and the fake Microsoft cloud as
// they arrive) and says how a run reaches it. `exo-posture demo` and integration tests use this.
import type { ProbeContext } from "../probe/context.js";
import { startDnsServer } from "./dns/server.js";
import { sampleWorld } from "./world/index.js";

export interface RunningWorld {
  /** --resolver for the run. */
  resolver: string;
  domains: string[];
  /** Extra trusted CA certificates (PEM) the world's servers use. */
  ca: string[];
  /** Probe context fields that point probes at the in-process servers. */
  context: Partial<ProbeContext>;
  dnsQueries(): number;
  close(): Promise<void>;
}

export async function startSampleWorld(): Promise<RunningWorld> {
  const world = sampleWorld();
  const dns = await startDnsServer({ zones: world.zones });
  return {
    resolver: dns.spec,
    domains: world.domains,
    ca: [],
    context: {},
    dnsQueries: () => dns.queries(),
    close: () => dns.close(),
  };
}
