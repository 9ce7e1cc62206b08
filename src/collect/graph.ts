// Microsoft Graph, through Microsoft's own client: the organization (display name, verified domains)
// and every domain with the services it is set up for. Read-only GETs of two collections.
import { Client, type GraphError } from "@microsoft/microsoft-graph-client";
import type { Dispatcher } from "undici";
import { AuthError } from "../auth/errors.js";
import { CollectError, graphForbidden } from "./errors.js";
import { isTimeout, networkDetail } from "./http.js";
import { failed, type Outcome, succeeded } from "./raw.js";

export interface GraphOptions {
  /** Service root without the version (CloudEndpoints.graph). */
  graph: string;
  getToken: () => Promise<string>;
  dispatcher: Dispatcher;
  maxPages?: number;
}

export async function collectGraph(o: GraphOptions): Promise<{ organization: Outcome; domains: Outcome }> {
  let tokenFailure: unknown = null;
  const client = Client.initWithMiddleware({
    authProvider: {
      getAccessToken: async () => {
        try {
          return await o.getToken();
        } catch (err) {
          tokenFailure = err;
          throw err;
        }
      },
    },
    baseUrl: `${o.graph}/`,
    // The client attaches the token only to https Graph hosts it knows, or to these (a custom cloud).
    customHosts: new Set([new URL(o.graph).hostname]),
    // Node's fetch takes undici's dispatcher: our timeouts and trust store apply to Graph too.
    fetchOptions: { dispatcher: o.dispatcher } as unknown as RequestInit,
  });
  const list = async (path: string): Promise<Outcome> => {
    try {
      return await listAll(client, o, path);
    } catch (err) {
      if (tokenFailure) {
        // A wrong tenant or credential ends the run; a narrower token failure is this section's error.
        if (tokenFailure instanceof AuthError) throw tokenFailure;
        return failed(tokenFailure);
      }
      return failed(graphErrorOf(err, path));
    }
  };
  const organization = await list("/organization");
  const domains = await list("/domains");
  return { organization, domains };
}

async function listAll(client: Client, o: GraphOptions, path: string): Promise<Outcome> {
  const objects: Record<string, unknown>[] = [];
  const warnings: string[] = [];
  let truncated = false;
  let next: string | null = path;
  for (let page = 1; next; page++) {
    const body = (await client.api(next).get()) as { value?: unknown; "@odata.nextLink"?: unknown };
    if (!body || !Array.isArray(body.value)) throw new CollectError("GRAPH_BAD_RESPONSE", `GET ${path}: the answer has no "value" list`);
    for (const v of body.value) if (v && typeof v === "object") objects.push(v as Record<string, unknown>);
    const link = typeof body["@odata.nextLink"] === "string" ? body["@odata.nextLink"] : null;
    next = null;
    if (link && new URL(link).origin !== new URL(o.graph).origin) {
      warnings.push(`@odata.nextLink points away from ${o.graph}; not followed`);
      truncated = true;
    } else if (link && page >= (o.maxPages ?? 50)) {
      warnings.push(`stopped after ${page} pages with @odata.nextLink still present`);
      truncated = true;
    } else next = link;
  }
  return succeeded(objects, warnings, truncated);
}

function graphErrorOf(err: unknown, path: string): CollectError {
  if (err instanceof CollectError) return err;
  const g = err as Partial<GraphError> & { statusCode?: number };
  const status = typeof g.statusCode === "number" ? g.statusCode : -1;
  const detail = [g.code, g.message].filter((s) => typeof s === "string" && s !== "").join(": ").slice(0, 300);
  if (status === 401 || status === 403) return graphForbidden(path, status, detail);
  if (status > 0) return new CollectError("GRAPH_HTTP_ERROR", `GET ${path}: Microsoft Graph answered HTTP ${status}${detail ? `: ${detail}` : ""}`);
  const cause = (err as { cause?: unknown }).cause ?? err;
  if (isTimeout(cause)) return new CollectError("GRAPH_TIMEOUT", `GET ${path}: Microsoft Graph did not answer in time`);
  return new CollectError("GRAPH_NETWORK", `GET ${path}: cannot reach Microsoft Graph (${networkDetail(cause) || detail})`);
}
