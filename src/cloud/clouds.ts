// The Microsoft clouds a tenant can live in, and where each one's sign-in, Graph and Exchange admin
// API are (docs/exchange-online-api.md "National clouds"). A tenant belongs to exactly one; tokens from one cloud
// are worthless in another.

export const CLOUD_NAMES = ["global", "gcc", "gcchigh", "dod", "china"] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

export interface CloudEndpoints {
  /** A name from CLOUD_NAMES, or "custom" for --cloud-endpoints. */
  name: string;
  /** Origin of the sign-in authority (https), e.g. https://login.microsoftonline.com. */
  authorityHost: string;
  /**
   * The OpenID configuration MSAL would otherwise discover over the network, as an object with
   * `{tenantId}` placeholders. Custom clouds only: a public cloud's is discovered by MSAL.
   */
  authorityMetadata: Record<string, string> | null;
  /** Graph service root, without the version. */
  graph: string;
  /** Exchange Online: the admin API origin and the token audience (`<exchange>/.default`). */
  exchange: string;
  /** Which of the above nobody could confirm without a live tenant; recorded in the evidence. */
  unverified: string[];
  /** Extra CA certificates (PEM) trusted for this cloud's https endpoints (custom clouds only). */
  ca: string[];
}

const table: Record<CloudName, Omit<CloudEndpoints, "name" | "authorityMetadata" | "ca">> = {
  global: { authorityHost: "https://login.microsoftonline.com", graph: "https://graph.microsoft.com", exchange: "https://outlook.office365.com", unverified: [] },
  // GCC (moderate) tenants sign in and call Exchange in the commercial cloud.
  gcc: { authorityHost: "https://login.microsoftonline.com", graph: "https://graph.microsoft.com", exchange: "https://outlook.office365.com", unverified: [] },
  gcchigh: { authorityHost: "https://login.microsoftonline.us", graph: "https://graph.microsoft.us", exchange: "https://outlook.office365.us", unverified: [] },
  dod: { authorityHost: "https://login.microsoftonline.us", graph: "https://dod-graph.microsoft.us", exchange: "https://outlook-dod.office365.us", unverified: [] },
  china: {
    authorityHost: "https://login.chinacloudapi.cn",
    graph: "https://microsoftgraph.chinacloudapi.cn",
    // UNVERIFIED: Exchange Online PowerShell for 21Vianet connects to partner.outlook.cn; whether the
    // admin API and its token audience live there or at outlook.office365.cn is not confirmed.
    // --cloud-endpoints overrides it.
    exchange: "https://partner.outlook.cn",
    unverified: ["exchange: https://partner.outlook.cn (the alternative is https://outlook.office365.cn)"],
  },
};

export function isCloudName(name: string): name is CloudName {
  return (CLOUD_NAMES as readonly string[]).includes(name);
}

export function cloudEndpoints(name: CloudName): CloudEndpoints {
  const t = table[name];
  return { name, ...t, unverified: [...t.unverified], authorityMetadata: null, ca: [] };
}
