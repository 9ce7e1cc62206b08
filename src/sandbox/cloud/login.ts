// The fake Entra ID token endpoint: client credentials with a certificate (a client assertion it
// verifies against the registered certificate) or a secret, and the device-code flow with refresh
// tokens, as msal-node speaks them. Errors carry the AADSTS numbers Entra ID uses, so the client's
// error handling is exercised on realistic text.
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson, sleep } from "./http-util.js";
import { checkClientAssertion, signIdToken } from "./jwt.js";
import type { SandboxApp, SandboxUser } from "../scenario.js";
import { type CloudState, isTenant, takeFault } from "./state.js";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
// msal-node sends the short form; Entra ID takes both.
const DEVICE_CODE_GRANTS = new Set(["device_code", "urn:ietf:params:oauth:grant-type:device_code"]);

export async function handleLogin(state: CloudState, req: IncomingMessage, res: ServerResponse): Promise<number> {
  const url = new URL(req.url ?? "/", state.loginOrigin);
  const m = /^\/([^/]+)\/oauth2\/v2\.0\/(token|devicecode)$/.exec(url.pathname);
  if (req.method !== "POST" || !m) return sendJson(res, 404, { error: "not_found" });
  const [, tenant, endpoint] = m as unknown as [string, string, string];
  const form = new URLSearchParams(await readBody(req));
  const fault = takeFault(state, `login:${endpoint}`);
  if (fault?.kind === "slow") await sleep(fault.delayMs ?? 5000);
  if (fault?.kind === "server-error") return sendJson(res, 500, { error: "server_error", error_description: "AADSTS90033: A transient error has occurred." });
  // A token endpoint that reflects what it was sent, credentials and escapes included.
  if (fault?.kind === "echo") return sendJson(res, 400, { error: "invalid_client", error_description: `AADSTS7000215: Invalid client secret provided. The request had client_secret=${form.get("client_secret") ?? ""} \u001b[2J\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 (${form.toString()})` });
  const fail = (status: number, error: string, description: string) =>
    sendJson(res, status, { error, error_description: `${description}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}`, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)] });

  if (!isTenant(state, decodeURIComponent(tenant))) {
    return fail(400, "invalid_request", `AADSTS90002: Tenant '${decodeURIComponent(tenant)}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  const clientId = form.get("client_id") ?? "";
  const app = state.scenario.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase());
  if (!app) {
    return fail(400, "unauthorized_client", `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${state.scenario.name}'.`);
  }
  const tenantId = state.scenario.tenantId;
  const resourceOf = (scope: string | null): string | null => {
    const target = (scope ?? "").split(" ").find((s) => s.endsWith("/.default"));
    const resource = target?.slice(0, -"/.default".length) ?? null;
    return resource === state.graph || resource === state.exchange ? resource : null;
  };

  if (endpoint === "devicecode") {
    if (app.credential !== "public") return fail(400, "invalid_client", "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    const deviceCode = randomBytes(24).toString("base64url");
    const userCode = randomBytes(5).toString("hex").toUpperCase().slice(0, 9);
    state.deviceCodes.set(deviceCode, { app, tenantId });
    const verificationUri = `${state.authorityHost}/devicelogin`;
    return sendJson(res, 200, {
      user_code: userCode,
      device_code: deviceCode,
      verification_uri: verificationUri,
      expires_in: 900,
      interval: 1,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
    });
  }

  const grant = form.get("grant_type");
  if (grant === "client_credentials") {
    const problem = checkCredential(state, app, form, `${state.loginOrigin}${url.pathname}`);
    if (problem) return fail(401, "invalid_client", problem);
    const resource = resourceOf(form.get("scope"));
    if (!resource) return fail(400, "invalid_resource", `AADSTS500011: The resource principal named ${form.get("scope")} was not found in the tenant named ${state.scenario.name}.`);
    return sendJson(res, 200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: issue(state, { tenantId, resource, app, user: null }) });
  }

  // Delegated: the device code is approved at once by the scenario's first user.
  const user = state.scenario.users[0];
  const deviceCode = DEVICE_CODE_GRANTS.has(grant ?? "");
  if (deviceCode || grant === "refresh_token") {
    if (!user) return fail(400, "invalid_grant", "AADSTS50034: The user account does not exist in the directory.");
    if (deviceCode && !state.deviceCodes.delete(form.get("device_code") ?? "")) {
      return fail(400, "expired_token", "AADSTS70019: Verification code expired.");
    }
    if (grant === "refresh_token" && !state.refreshTokens.has(form.get("refresh_token") ?? "")) {
      return fail(400, "invalid_grant", "AADSTS9002313: Invalid request. Request is malformed or invalid.");
    }
    const resource = resourceOf(form.get("scope"));
    if (!resource) return fail(400, "invalid_resource", `AADSTS500011: The resource principal named ${form.get("scope")} was not found in the tenant named ${state.scenario.name}.`);
    return sendJson(res, 200, delegatedTokens(state, app, user, tenantId, resource, form.get("scope") ?? ""));
  }
  return fail(400, "unsupported_grant_type", `AADSTS70003: The app requested an unsupported grant type '${grant}'.`);
}

function checkCredential(state: CloudState, app: SandboxApp, form: URLSearchParams, tokenEndpoint: string): string | null {
  const assertion = form.get("client_assertion");
  if (assertion && form.get("client_assertion_type") === JWT_BEARER) {
    const cert = state.certificates.get(app.clientId);
    if (!cert) return "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.";
    const check = checkClientAssertion(assertion, { cert, clientId: app.clientId, audience: tokenEndpoint });
    return check.ok ? null : (check.error ?? "AADSTS700027: Client assertion failed signature validation.");
  }
  const secret = form.get("client_secret");
  if (secret !== null) {
    const registered = state.secrets.get(app.clientId);
    const ok = registered !== undefined && registered.length === secret.length && timingSafeEqual(Buffer.from(registered), Buffer.from(secret));
    return ok ? null : `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`;
  }
  return "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.";
}

function issue(state: CloudState, t: { tenantId: string; resource: string; app: SandboxApp; user: SandboxUser | null }): string {
  const token = `sbx.${randomBytes(24).toString("base64url")}`;
  state.tokens.set(token, t);
  return token;
}

function delegatedTokens(state: CloudState, app: SandboxApp, user: SandboxUser, tenantId: string, resource: string, scope: string) {
  const refresh = `sbxr.${randomBytes(24).toString("base64url")}`;
  state.refreshTokens.set(refresh, { app, user, tenantId });
  const now = Math.floor(Date.now() / 1000);
  return {
    token_type: "Bearer",
    scope,
    expires_in: 3599,
    ext_expires_in: 3599,
    access_token: issue(state, { tenantId, resource, app, user }),
    refresh_token: refresh,
    id_token: signIdToken({
      aud: app.clientId,
      iss: `${state.authorityHost}/${tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: user.displayName,
      oid: user.objectId,
      preferred_username: user.upn,
      sub: user.objectId,
      tid: tenantId,
      ver: "2.0",
    }),
    client_info: Buffer.from(JSON.stringify({ uid: user.objectId, utid: tenantId })).toString("base64url"),
  };
}
