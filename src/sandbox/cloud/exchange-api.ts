// The fake Exchange Online admin API: POST /adminapi/beta/{tenant}/InvokeCommand. It checks what
// the real one checks (a token for Exchange, Exchange.ManageAsApp, a reader role), answers Get-*
// cmdlets from the scenario, and misbehaves on demand the ways the real one is known to.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isAllowedCmdlet, PER_DOMAIN_CMDLETS, type PerDomainCmdlet, type TenantCmdlet } from "../../collect/allow-list.js";
import { bearerOf, readBody, sendJson, sendRaw, sleep } from "./http-util.js";
import type { RawObject } from "../scenario.js";
import { type CloudState, isTenant, takeFault } from "./state.js";

/** Roles that may read Exchange configuration through the admin API. */
const EXCHANGE_READER_ROLES = ["Global Reader", "Global Administrator", "Exchange Administrator", "Exchange Recipient Administrator", "Security Reader"];

const invalid = (message: string) => ({ error: { code: "BadRequest", message: "Invalid Operation", details: [{ message }] } });

export async function handleExchange(state: CloudState, req: IncomingMessage, res: ServerResponse, note: (cmdlet: string) => void): Promise<number> {
  const url = new URL(req.url ?? "/", state.exchange);
  const m = /^\/adminapi\/beta\/([^/]+)\/InvokeCommand$/.exec(url.pathname);
  if (req.method !== "POST" || !m) return sendJson(res, 404, { error: { code: "NotFound", message: "The resource is not found." } });
  const token = state.tokens.get(bearerOf(req) ?? "");
  // No grant, or a token for another resource: 401 (measured by a public project, docs/exchange-online-api.md).
  if (!token || token.resource !== state.exchange) return sendRaw(res, 401, "", { "www-authenticate": 'Bearer error="invalid_token"' });
  if (!isTenant(state, decodeURIComponent(m[1]!))) return sendJson(res, 404, invalid(`The tenant '${decodeURIComponent(m[1]!)}' could not be found.`));
  if (!token.user && !token.app.exchangeManageAsApp) return sendRaw(res, 401, "", { "www-authenticate": 'Bearer error="invalid_token"' });

  let request: { CmdletInput?: { CmdletName?: unknown; Parameters?: unknown } };
  try {
    request = JSON.parse(await readBody(req)) as typeof request;
  } catch {
    return sendJson(res, 400, invalid("The request body is not valid JSON."));
  }
  const cmdlet = typeof request.CmdletInput?.CmdletName === "string" ? request.CmdletInput.CmdletName : "";
  note(cmdlet);
  if (request.CmdletInput?.Parameters === null || typeof request.CmdletInput?.Parameters !== "object") {
    return sendJson(res, 400, invalid("Parameters cannot be null."));
  }
  const parameters = request.CmdletInput.Parameters as Record<string, unknown>;
  const roles = token.user ? token.user.roles : token.app.roles;
  // An identity without a reader role: 403, and the body is NUL bytes (docs/exchange-online-api.md).
  if (!roles.some((r) => EXCHANGE_READER_ROLES.includes(r))) return sendRaw(res, 403, Buffer.alloc(32, 0));
  // The sandbox serves reads only; anything else is an error here, as a real tenant would let it change things.
  if (!isAllowedCmdlet(cmdlet)) return sendJson(res, 400, invalid(`The term '${cmdlet}' is not recognized as a name of a cmdlet.`));

  const skip = url.searchParams.get("$skiptoken");
  if (skip === "broken") return sendJson(res, 400, invalid("The skip token is not valid."));
  const fault = skip === null ? takeFault(state, `exo:${cmdlet}`) : null;
  if (fault?.kind === "slow") await sleep(fault.delayMs ?? 5000);
  switch (fault?.kind) {
    case "throttle":
      return sendJson(res, 429, invalid("Too many requests."), { "retry-after": fault.retryAfter ?? "1" });
    case "unavailable":
      return sendJson(res, 503, invalid("The service is unavailable."), { "retry-after": fault.retryAfter ?? "1" });
    case "forbidden-nul":
      return sendRaw(res, 403, Buffer.alloc(32, 0));
    case "server-error":
      // The shape of the admin API's errors as public callers parse them (CIPP New-ExoRequest.ps1,
      // ScubaGear EXORestHelper.psm1): "Invalid Operation", the reason in details[].message after
      // the .NET exception type between bars, and the OData inner error in lower case.
      return sendJson(res, 500, {
        error: {
          code: "InternalServerError",
          message: "Invalid Operation",
          details: [{ code: "Failed", target: "", message: `|Microsoft.Exchange.Configuration.Tasks.TaskTransientException|${cmdlet} failed: a transient server error occurred.` }],
          innererror: { message: "Invalid Operation", type: "Microsoft.Exchange.Admin.OData.Core.ODataServiceException", internalexception: { message: "|Microsoft.Exchange.Configuration.Tasks.TaskTransientException|Transient failure.", type: "Microsoft.Exchange.Configuration.Tasks.TaskTransientException" } },
        },
      });
    case "echo":
      // A 403 whose body repeats the request's Authorization header.
      return sendJson(res, 403, { error: { code: "Forbidden", message: "Invalid Operation", details: [{ message: `|Microsoft.Exchange.Security.Authorization.AuthorizationException|Access denied for Authorization: ${req.headers.authorization ?? ""}` }] } });
    case "empty-missing":
      return sendJson(res, 200, { "@odata.context": `${state.exchange}/adminapi/beta/${m[1]}/$metadata#Collection(Exchange.GenericHashTable)` });
    case "empty-null":
      return sendJson(res, 200, { "@odata.context": `${state.exchange}/adminapi/beta/${m[1]}/$metadata#Collection(Exchange.GenericHashTable)`, value: null });
    case "malformed":
      return sendRaw(res, 200, '{"@odata.context":"x","value":[{"Name":"cut sh', { "content-type": "application/json" });
  }

  let objects: RawObject[];
  if ((PER_DOMAIN_CMDLETS as readonly string[]).includes(cmdlet)) {
    const domain = String(parameters.DomainName ?? "").toLowerCase();
    const found = state.scenario.exchange.perDomain[cmdlet as PerDomainCmdlet][domain];
    if (!found) return sendJson(res, 400, invalid(`The domain '${domain}' isn't a verified domain of this organization.`));
    objects = found;
  } else {
    objects = state.scenario.exchange.cmdlets[cmdlet as TenantCmdlet];
  }
  if (cmdlet === "Get-OutboundConnector") {
    // -IncludeTestModeConnectors $true lists only the connectors in test mode, and without it only
    // the others (office-docs-powershell, get-outboundconnector.md).
    const testModeOnly = parameters.IncludeTestModeConnectors === true || String(parameters.IncludeTestModeConnectors).toLowerCase() === "true";
    objects = objects.filter((o) => (o.TestMode === true) === testModeOnly);
  }
  const start = Number(skip ?? "0");
  const pageSize = fault?.kind === "paged" ? Math.max(1, Math.ceil(objects.length / 2)) : Number.MAX_SAFE_INTEGER;
  const body: Record<string, unknown> = {
    "@odata.context": `${state.exchange}/adminapi/beta/${m[1]}/$metadata#Collection(Exchange.GenericHashTable)`,
    value: objects.slice(start, start + pageSize),
  };
  const base = `${state.exchange}/adminapi/beta/${m[1]}/InvokeCommand`;
  if (fault?.kind === "paged" && start + pageSize < objects.length) body["@odata.nextLink"] = `${base}?$skiptoken=${start + pageSize}`;
  if (fault?.kind === "next-link-broken") body["@odata.nextLink"] = `${base}?$skiptoken=broken`;
  if (fault?.kind === "warnings") body["@adminapi.warnings"] = fault.warnings ?? ["There are more results available than are currently displayed."];
  return sendJson(res, 200, body);
}
