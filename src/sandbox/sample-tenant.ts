// The sample tenant on the sandbox cloud: the one place that puts a tenant (tenants/) on the fake
// cloud (cloud/), so that neither of those imports the other.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CollectTenantOptions } from "../collect/index.js";
import { type SandboxCloud, startSandboxCloud } from "./cloud/index.js";
import type { Scenario } from "./scenario.js";
import { CONTOSO_APPS, CONTOSO_TENANT_ID, contosoScenario } from "./tenants/index.js";

export interface SampleTenant {
  cloud: SandboxCloud;
  /** Everything collectTenant needs to sign in to the sample tenant with its certificate app. */
  collectOptions: CollectTenantOptions;
}

/**
 * Contoso County Council on the sandbox cloud, signed in to as the demo would: with the app's
 * certificate, written to `dir` (a throw-away key made at start-up, never a committed one).
 */
export async function startSampleTenant(dir: string, edit: (scenario: Scenario) => Scenario = (s) => s): Promise<SampleTenant> {
  const cloud = await startSandboxCloud(edit(contosoScenario()));
  const certificate = join(dir, "contoso-collector.pem");
  await writeFile(certificate, cloud.credentials[CONTOSO_APPS.certificate]!.certificatePem!, { mode: 0o600 });
  return {
    cloud,
    collectOptions: { cloudEndpoints: cloud.cloud, tenantId: CONTOSO_TENANT_ID, clientId: CONTOSO_APPS.certificate, certificate, env: {} },
  };
}
