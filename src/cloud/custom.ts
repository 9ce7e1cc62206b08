// --cloud-endpoints <json>: a cloud of the user's own (the sandbox, the tests, a cloud this table
// does not know yet). Read strictly: a mistake here sends tokens to the wrong place.
import { MAX_BYTES, readJsonFile } from "../input/read-file.js";
import { z } from "zod";
import { parseWith } from "../input/parse.js";
import type { CloudEndpoints } from "./clouds.js";

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** https anywhere; plain http only to this machine (the sandbox), never across a network. */
const endpointUrl = z.string().refine(
  (s) => {
    try {
      const u = new URL(s);
      return u.protocol === "https:" || (u.protocol === "http:" && LOOPBACK.has(u.hostname));
    } catch {
      return false;
    }
  },
  { message: "must be an https URL (http only on 127.0.0.1, [::1] or localhost)" },
);

const origin = endpointUrl.refine((s) => new URL(s).pathname === "/" && !s.endsWith("/"), {
  message: "must be an origin without a path or trailing slash, e.g. https://graph.microsoft.com",
});

const file = z.object({
  name: z.string().min(1).optional(),
  // msal-node refuses an http authority (authority_uri_insecure), whatever serves the tokens.
  authorityHost: origin.refine((s) => s.startsWith("https://"), { message: "must be https (msal-node refuses http authorities)" }),
  authorityMetadata: z
    .object({
      token_endpoint: endpointUrl,
      authorization_endpoint: endpointUrl,
      issuer: z.string().min(1),
      end_session_endpoint: endpointUrl.optional(),
      jwks_uri: endpointUrl.optional(),
    })
    .optional(),
  graph: origin,
  exchange: origin,
  ca: z.array(z.string().includes("-----BEGIN CERTIFICATE-----", { message: "must be PEM certificates" })).optional(),
  unverified: z.array(z.string()).optional(),
});
export type CloudEndpointsFile = z.infer<typeof file>;

export function parseCloudEndpoints(json: unknown, what = "cloud endpoints"): CloudEndpoints {
  const f = parseWith(file, json, what);
  const m = f.authorityMetadata;
  return {
    name: f.name ?? "custom",
    authorityHost: f.authorityHost,
    authorityMetadata: m
      ? {
          token_endpoint: m.token_endpoint,
          authorization_endpoint: m.authorization_endpoint,
          issuer: m.issuer,
          end_session_endpoint: m.end_session_endpoint ?? m.authorization_endpoint.replace(/authorize$/, "logout"),
          jwks_uri: m.jwks_uri ?? m.token_endpoint.replace(/oauth2\/.*$/, "discovery/v2.0/keys"),
        }
      : null,
    graph: f.graph,
    exchange: f.exchange,
    unverified: f.unverified ?? [],
    ca: f.ca ?? [],
  };
}

export async function readCloudEndpoints(path: string): Promise<CloudEndpoints> {
  return parseCloudEndpoints(await readJsonFile(path, "--cloud-endpoints", "", MAX_BYTES.endpoints), `--cloud-endpoints ${path}`);
}
