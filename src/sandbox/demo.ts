// Starts the whole sample world on loopback — DNS, the SMTP servers behind the MX hosts, the
// MTA-STS policy servers, and the fake Microsoft cloud with the sample tenant — and says how a run
// reaches it. `exo-posture demo` and integration tests use this.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { packageRoot } from "../paths.js";
import { EXAMPLE_MESSAGES } from "./example-messages.js";
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
  /** --message files: a message received through Mimecast into the tenant (Enhanced Filtering off). */
  messages: string[];
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
  // What a Contoso recipient saves from their mailbox: mail from a partner, through Mimecast, with
  // the connector's Enhanced Filtering off (src/sandbox/tenants/contoso.ts). Named relative to the
  // working folder when it is the package's, so reports show examples/messages/….
  const shipped = join(packageRoot, EXAMPLE_MESSAGES[0]!.file);
  const message = relative(process.cwd(), shipped).startsWith("..") ? shipped : relative(process.cwd(), shipped);
  const world = extendWorld(sampleWorld(), transport.domains, transport.zones);
  const dns = await startDnsServer({ zones: world.zones });
  return {
    resolver: dns.spec,
    domains: world.domains,
    ca: [...transport.ca, ...sts.ca],
    context: { ...transport.context, ...sts.context },
    tenant: tenant.collectOptions,
    messages: [message],
    dnsQueries: () => dns.queries(),
    close: async () => {
      await Promise.all([dns.close(), transport.close(), sts.close(), tenant.cloud.close()]);
      await rm(certDir, { recursive: true, force: true });
    },
  };
}
