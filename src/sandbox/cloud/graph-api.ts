// The fake Microsoft Graph: GET /v1.0/organization and /v1.0/domains, behind the same checks as the
// real one (a token for Graph, the application permission for each collection).
import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerOf, sendJson, sleep } from "./http-util.js";
import { type CloudState, takeFault } from "./state.js";

const PERMISSION: Record<string, string[]> = {
  "/organization": ["Organization.Read.All", "Directory.Read.All"],
  "/domains": ["Domain.Read.All", "Directory.Read.All"],
};

export async function handleGraph(state: CloudState, req: IncomingMessage, res: ServerResponse): Promise<number> {
  const url = new URL(req.url ?? "/", state.graph);
  const path = url.pathname.replace(/^\/v1\.0/, "");
  if (req.method !== "GET" || !(path in PERMISSION)) {
    return sendJson(res, 400, { error: { code: "BadRequest", message: `Resource not found for the segment '${path}'.` } });
  }
  const token = state.tokens.get(bearerOf(req) ?? "");
  if (!token) return sendJson(res, 401, { error: { code: "InvalidAuthenticationToken", message: "Access token is empty." } });
  if (token.resource !== state.graph) return sendJson(res, 401, { error: { code: "InvalidAuthenticationToken", message: "Access token validation failure. Invalid audience." } });
  // Delegated sign-ins read these with the user's own consent; app-only needs the permission.
  if (!token.user && !PERMISSION[path]!.some((p) => token.app.graphPermissions.includes(p))) {
    return sendJson(res, 403, { error: { code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." } });
  }
  const skip = url.searchParams.get("$skiptoken");
  const fault = skip === null ? takeFault(state, `graph:${path}`) : null;
  if (fault?.kind === "slow") await sleep(fault.delayMs ?? 5000);
  if (fault?.kind === "throttle" || fault?.kind === "unavailable") {
    return sendJson(res, fault.kind === "throttle" ? 429 : 503, { error: { code: "TooManyRequests", message: "Too many requests." } }, { "retry-after": fault.retryAfter ?? "1" });
  }
  if (fault?.kind === "server-error") return sendJson(res, 500, { error: { code: "generalException", message: "An unexpected error occurred." } });

  const all = path === "/organization" ? state.scenario.graph.organization : state.scenario.graph.domains;
  // Paging ("paged" fault): one item a page; $skiptoken is the index of the next item.
  const start = Number(skip ?? "0");
  const pageSize = fault?.kind === "paged" || skip !== null ? 1 : all.length || 1;
  const value = all.slice(start, start + pageSize);
  const body: Record<string, unknown> = { "@odata.context": `${state.graph}/v1.0/$metadata#${path.slice(1)}`, value };
  if (start + pageSize < all.length) {
    body["@odata.nextLink"] = `${state.graph}/v1.0${path}?$skiptoken=${start + pageSize}`;
  }
  return sendJson(res, 200, body);
}
