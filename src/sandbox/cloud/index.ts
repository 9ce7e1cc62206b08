// The fake Microsoft cloud for `exo-posture demo` and the tests, and the sample tenant on it.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CollectTenantOptions } from "../../collect/index.js";
import { CONTOSO_APPS, CONTOSO_TENANT_ID, contosoScenario } from "../tenants/index.js";
import { type SandboxCloud, startSandboxCloud } from "./server.js";

export { bundleOf, type BundleOptions } from "./bundle.js";
export type { Fault, FaultKind, Scenario, SandboxApp, SandboxUser } from "./scenario.js";
export { type AppCredential, type SandboxCloud, startSandboxCloud } from "./server.js";

export interface SampleTenant {
  cloud: SandboxCloud;
  /** Everything collectTenant needs to sign in to the sample tenant with its certificate app. */
  collectOptions: CollectTenantOptions;
}

/**
 * Contoso County Council on the sandbox cloud, signed in to as the demo would: with the app's
 * certificate, written to `dir` (a throw-away key made at start-up, never a committed one).
 */
export async function startSampleTenant(dir: string): Promise<SampleTenant> {
  const cloud = await startSandboxCloud(contosoScenario());
  const certificate = join(dir, "contoso-collector.pem");
  await writeFile(certificate, cloud.credentials[CONTOSO_APPS.certificate]!.certificatePem!, { mode: 0o600 });
  return {
    cloud,
    collectOptions: { cloudEndpoints: cloud.cloud, tenantId: CONTOSO_TENANT_ID, clientId: CONTOSO_APPS.certificate, certificate, env: {} },
  };
}
