// What the fake Microsoft cloud serves: one tenant, the apps registered in it (with what they were
// granted), the users who may sign in with a device code, and the Graph and cmdlet output as the
// real APIs shape it ("X@odata.type" side keys, enums as names, multi-valued properties as lists).
// Shared by the two sides of the sandbox, which do not import each other: the sample tenants
// (tenants/) are written as Scenarios, and the fake cloud (cloud/) serves whichever one it is given.
import type { PerDomainCmdlet, TenantCmdlet } from "../collect/allow-list.js";

export type RawObject = Record<string, unknown>;

export interface SandboxApp {
  clientId: string;
  displayName: string;
  /** A certificate is made at start-up for "certificate" apps; a random secret for "secret" apps. */
  credential: "certificate" | "secret" | "public";
  /** The application permission Exchange.ManageAsApp, admin-consented. */
  exchangeManageAsApp: boolean;
  /** Entra roles of the service principal (app) — or, for public clients, ignored. */
  roles: string[];
  /** Graph application permissions, admin-consented. */
  graphPermissions: string[];
}

export interface SandboxUser {
  upn: string;
  objectId: string;
  displayName: string;
  /** Entra roles; Exchange reads need a reader role such as Global Reader. */
  roles: string[];
}

export type FaultKind =
  | "throttle" // 429 with Retry-After
  | "unavailable" // 503 with Retry-After
  | "forbidden-nul" // 403 whose body is NUL bytes
  | "server-error" // 500 with the admin API's error shape
  | "slow" // answers after delayMs
  | "malformed" // 200 with JSON cut short
  | "warnings" // adds @adminapi.warnings
  | "next-link-broken" // a @odata.nextLink that fails with 400 when replayed
  | "paged" // splits the list over pages with a working @odata.nextLink
  | "empty-missing" // an empty result with no "value" at all (docs/exchange-online-api.md)
  | "empty-null" // an empty result as "value": null
  | "echo"; // a hostile or careless server: its error repeats the request's credentials (issue 27)

export interface Fault {
  /** "exo:Get-TransportRule", "exo:*", "graph:/domains", "graph:*", "login:token", "login:*". */
  target: string;
  kind: FaultKind;
  /** How many matching requests it hits; every one when absent. */
  times?: number;
  retryAfter?: string;
  delayMs?: number;
  warnings?: string[];
}

export interface Scenario {
  /** "Contoso County Council" */
  name: string;
  tenantId: string;
  apps: SandboxApp[];
  users: SandboxUser[];
  graph: { organization: RawObject[]; domains: RawObject[] };
  exchange: {
    cmdlets: Record<TenantCmdlet, RawObject[]>;
    /** Per cmdlet, per domain (lower case), the objects for -DomainName <domain>. */
    perDomain: Record<PerDomainCmdlet, Record<string, RawObject[]>>;
  };
  faults?: Fault[];
}
