// What the fake cloud remembers while it runs: the scenario, the credentials it made, the tokens it
// issued (opaque strings, so a token can only be used where the fake checks it), and a log of
// every request so tests can count them.
import type { X509Certificate } from "node:crypto";
import type { Fault, RawObject, SandboxApp, SandboxUser, Scenario } from "../scenario.js";

export interface IssuedToken {
  tenantId: string;
  /** The origin the token is for (its audience). */
  resource: string;
  app: SandboxApp;
  /** Null for app-only tokens. */
  user: SandboxUser | null;
}

export interface RequestRecord {
  server: "login" | "graph" | "exchange";
  method: string;
  path: string;
  /** For the admin API: the cmdlet asked for. */
  cmdlet?: string;
  status: number;
}

export interface CloudState {
  scenario: Scenario;
  authorityHost: string;
  /** http://127.0.0.1:<port> of the token endpoint. */
  loginOrigin: string;
  graph: string;
  exchange: string;
  certificates: Map<string, X509Certificate>;
  secrets: Map<string, string>;
  tokens: Map<string, IssuedToken>;
  refreshTokens: Map<string, { app: SandboxApp; user: SandboxUser; tenantId: string }>;
  deviceCodes: Map<string, { app: SandboxApp; tenantId: string }>;
  faults: Fault[];
  requests: RequestRecord[];
}

/** The tenant id or any of its domains, as Entra ID accepts either in the authority. */
export function isTenant(state: CloudState, tenant: string): boolean {
  const t = tenant.toLowerCase();
  if (t === state.scenario.tenantId.toLowerCase()) return true;
  const org = state.scenario.graph.organization[0] as { verifiedDomains?: { name?: string }[] } | undefined;
  return (org?.verifiedDomains ?? []).some((d) => d.name?.toLowerCase() === t);
}

/** The first fault for `target` still in force; counts it as used. */
export function takeFault(state: CloudState, target: string): Fault | null {
  const [area] = target.split(":");
  const i = state.faults.findIndex((f) => (f.target === target || f.target === `${area}:*`) && (f.times === undefined || f.times > 0));
  if (i < 0) return null;
  const f = state.faults[i]!;
  if (f.times !== undefined) f.times--;
  return f;
}

export type { RawObject };
