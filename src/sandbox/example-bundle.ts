// examples/contoso-county-bundle.json: what scripts/Export-ExoPosture.ps1 -IncludeGraph writes for
// the sample tenant (Contoso County Council), so a new user can try --tenant-bundle without a tenant:
//   exo-posture demo --tenant-bundle examples/contoso-county-bundle.json
// `npm run docs` writes it; a unit test fails when the committed file differs from this rendering.
import { bundleOf } from "./bundle.js";
import { contosoScenario } from "./tenants/index.js";

export const EXAMPLE_BUNDLE_FILE = "examples/contoso-county-bundle.json";

/** A fixed time, so the file only changes when the tenant or the bundle format does. */
const COLLECTED_AT = "2026-12-01T09:00:00.000Z";

export function exampleBundleJson(): string {
  return `${JSON.stringify(bundleOf(contosoScenario(), { collectedAt: COLLECTED_AT }), null, 2)}\n`;
}
