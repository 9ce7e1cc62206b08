// The sample tenants the sandbox cloud can serve, by name. Each call returns a fresh scenario, so
// a test may change one without touching the next.
import type { Scenario } from "../scenario.js";
import { contosoScenario } from "./contoso.js";

export const sampleTenants: Record<string, () => Scenario> = {
  contoso: contosoScenario,
};

export { contosoScenario, CONTOSO_APPS, CONTOSO_DOMAINS, CONTOSO_TENANT_ID } from "./contoso.js";
