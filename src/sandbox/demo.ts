// Starts the whole sample world on loopback — DNS, the SMTP servers behind the MX hosts, the
// MTA-STS policy servers, and the fake Microsoft cloud with the sample tenant — and says how a run
// reaches it. `exo-posture demo` and integration tests use this.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CollectTenantOptions } from "../collect/index.js";
import type { ProbeContext } from "../probe/context.js";
import { startDnsServer } from "./dns/server.js";
import { startSampleTenant } from "./sample-tenant.js";
import type { Scenario } from "./scenario.js";
import { extendWorld, sampleWorld, startTransportWorld } from "./world/index.js";
import { startMtaStsServers } from "./world/mtasts.js";

export interface RunningWorld {
  /** --resolver for the run. */
  resolver: string;
  domains: string[];
  /** Extra trusted CA certificates (PEM) the world's servers use. */
  ca: string[];
  /** Probe context fields that point probes at the in-process servers. */
  context: Partial<ProbeContext>;
  /** How to sign in to the sample tenant (Contoso County Council) on the sandbox cloud. */
  tenant: CollectTenantOptions;
  dnsQueries(): number;
  close(): Promise<void>;
}

export interface SampleWorldOptions {
  /** Change the sample tenant before it starts: a test turns one setting and sees what a run reports. */
  tenant?: (scenario: Scenario) => Scenario;
}

export async function startSampleWorld(options: SampleWorldOptions = {}): Promise<RunningWorld> {
  // SMTP servers for every MX host; their certificates decide the TLSA records in the zones.
  const transport = await startTransportWorld();
  const sts = await startMtaStsServers();
  // The tenant app's certificate is written to a private temporary folder, removed at close.
  const certDir = await mkdtemp(join(tmpdir(), "exo-posture-demo-"));
  const tenant = await startSampleTenant(certDir, options.tenant);
  const world = extendWorld(sampleWorld(), transport.domains, transport.zones);
  const dns = await startDnsServer({ zones: world.zones });
  return {
    resolver: dns.spec,
    domains: world.domains,
    ca: [...transport.ca, ...sts.ca],
    context: { ...transport.context, ...sts.context },
    tenant: tenant.collectOptions,
    dnsQueries: () => dns.queries(),
    close: async () => {
      await Promise.all([dns.close(), transport.close(), sts.close(), tenant.cloud.close()]);
      await rm(certDir, { recursive: true, force: true });
    },
  };
}
