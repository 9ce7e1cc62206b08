// Sign-in failures, sorted by what the user must do. A wrong tenant, an unknown app or a bad
// credential stops the run with one line (the CLI's exit 2): nothing can be collected and the fix
// is in the user's hands. Anything narrower (one resource not consented) becomes an evidence
// error on the collectors that needed that token, and the rest goes on.
import { scrubSecrets } from "../text/secrets.js";
import type { ErrorCode, ErrorCodes } from "../evidence/errors.js";
import { InputError } from "../input/errors.js";

export class AuthError extends InputError {
  constructor(
    readonly code: ErrorCodes<"AUTH_TENANT_NOT_FOUND" | "AUTH_CLIENT_NOT_FOUND" | "AUTH_INVALID_CREDENTIAL" | "AUTH_UNREACHABLE">,
    message: string,
  ) {
    super(message);
  }
}

/** A token for one resource could not be had; recorded per collector. */
export class TokenError extends Error {
  override readonly name = "TokenError";
  readonly code = "AUTH_FAILED" satisfies ErrorCode;
}

// Entra ID error numbers (AADSTS…) that mean the whole sign-in is wrong, not one resource.
const FATAL: [RegExp, AuthError["code"], string][] = [
  [/AADSTS(90002|900023|90072)\b/, "AUTH_TENANT_NOT_FOUND", "the tenant was not found: check --tenant (the directory id or a verified domain) and --cloud"],
  [/AADSTS700016\b/, "AUTH_CLIENT_NOT_FOUND", "the app (--client-id) is not registered in this tenant, or was not consented to there"],
  [/AADSTS(7000215|7000222|700027|700024|700023|700021|50012|50027)\b/, "AUTH_INVALID_CREDENTIAL", "the credential was refused: check the certificate uploaded to the app registration, or AZURE_CLIENT_SECRET"],
];

/**
 * MSAL's error as ours: its code and the first line of the server's text (no trace ids). For a
 * network error MSAL's own text says nothing ("See https://aka.ms/…"), so the network client's
 * reason is used when there is one.
 */
export function authErrorOf(err: unknown, resource: string, networkReason: string | null = null): AuthError | TokenError {
  const e = err as { errorCode?: string; errorMessage?: string; message?: string };
  const own = firstLine(e.errorMessage || e.message || String(err));
  // A sign-in server's text may repeat what it was sent (client_secret=…): scrubbed here, where
  // MSAL's errors become ours, so no caller of the library gets the secret back in a message.
  const text = scrubSecrets(e.errorCode === "network_error" && networkReason ? firstLine(networkReason) : own);
  for (const [re, code, hint] of FATAL) if (re.test(text)) return new AuthError(code, `sign-in failed: ${hint} (${text})`);
  if (e.errorCode === "invalid_client" || e.errorCode === "unauthorized_client") {
    return new AuthError("AUTH_INVALID_CREDENTIAL", `sign-in failed: the app or its credential was refused (${e.errorCode}: ${text})`);
  }
  if (e.errorCode === "network_error" || e.errorCode === "endpoints_resolution_error" || /ECONNREFUSED|ENOTFOUND|fetch failed/.test(text)) {
    return new AuthError("AUTH_UNREACHABLE", `sign-in failed: the sign-in endpoint could not be reached (${e.errorCode ?? "network"}: ${text})`);
  }
  return new TokenError(`no token for ${resource}: ${e.errorCode ? `${e.errorCode}: ` : ""}${text}`);
}

function firstLine(s: string): string {
  return (s.split(/\r?\n/)[0] ?? "").replace(/\s*Trace ID:.*$/, "").trim().slice(0, 400);
}
