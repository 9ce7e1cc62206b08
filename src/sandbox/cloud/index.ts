// The fake Microsoft cloud for `exo-posture demo` and the tests. It serves the Scenario it is given
// and knows no tenant itself: which sample tenant it serves is chosen by ../sample-tenant.ts.
export type { Fault, FaultKind, Scenario, SandboxApp, SandboxUser } from "../scenario.js";
export { type AppCredential, type SandboxCloud, startSandboxCloud } from "./server.js";
