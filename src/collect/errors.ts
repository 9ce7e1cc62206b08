// Collector failures with stable codes (the evidence's `error.code`), and the messages that tell a
// tenant admin what to grant. Permission names are Microsoft's own, so they can be searched for.
import type { ErrorCode } from "../evidence/errors.js";

export class CollectError extends Error {
  override readonly name = "CollectError";
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type Identity = "app" | "user";

const EXO_APP = "00000002-0000-0ff1-ce00-000000000000";

export function exoUnauthorized(identity: Identity, detail: string): CollectError {
  const need =
    identity === "app"
      ? `the app needs the application permission Exchange.ManageAsApp of Office 365 Exchange Online (${EXO_APP}) with admin consent`
      : "the app needs the delegated permission Exchange.Manage of Office 365 Exchange Online, and the user an Exchange admin role";
  return new CollectError("EXO_UNAUTHORIZED", `Exchange Online refused the token (401): ${need}${suffix(detail)}`);
}

export function exoForbidden(identity: Identity, cmdlet: string, detail: string): CollectError {
  const need =
    identity === "app"
      ? "the app's service principal needs an Entra role that may read Exchange configuration: Global Reader is the least-privilege read-only choice (with Exchange.ManageAsApp)"
      : "the signed-in user needs a role that may read Exchange configuration, such as Global Reader";
  return new CollectError("EXO_FORBIDDEN", `Exchange Online would not run ${cmdlet} (403): ${need}${suffix(detail)}`);
}

const GRAPH_PERMISSION: Record<string, string> = {
  "/organization": "Organization.Read.All",
  "/domains": "Domain.Read.All",
};

export function graphForbidden(path: string, status: number, detail: string): CollectError {
  const permission = GRAPH_PERMISSION[path] ?? "a Microsoft Graph read permission";
  const code = status === 401 ? "GRAPH_UNAUTHORIZED" : "GRAPH_FORBIDDEN";
  return new CollectError(code, `Microsoft Graph refused GET ${path} (${status}): the app needs ${permission} (application permission with admin consent, or delegated for a signed-in user)${suffix(detail)}`);
}

function suffix(detail: string): string {
  return detail ? ` [${detail}]` : "";
}
