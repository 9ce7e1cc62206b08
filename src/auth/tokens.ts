// Access tokens for Graph and the Exchange admin API through msal-node: app-only with a certificate
// or a client secret, or a consultant signing in with a device code. Tokens live in MSAL's
// in-memory cache only (no cache plugin): nothing about the sign-in is ever written to disk.
import {
  type AccountInfo,
  type AuthenticationResult,
  ConfidentialClientApplication,
  type Configuration,
  LogLevel,
  PublicClientApplication,
} from "@azure/msal-node";
import type { CloudEndpoints } from "../cloud/clouds.js";
import { InputError } from "../input/errors.js";
import { readClientCertificate } from "./certificate.js";
import { AuthError, authErrorOf, TokenError } from "./errors.js";
import { rememberSecret } from "../text/secrets.js";
import { boundedNetworkClient } from "./network.js";
import { checkTenantId } from "./tenant-id.js";

export type SignIn =
  | { kind: "certificate"; tenantId: string; clientId: string; certificatePath: string }
  /** The secret comes from AZURE_CLIENT_SECRET only (collectTenant reads it), never from a flag. */
  | { kind: "secret"; tenantId: string; clientId: string; secret: string }
  /** A delegated sign-in; `prompt` shows the code and URL (stderr by default). */
  | { kind: "device-code"; tenantId: string; clientId: string; prompt?: (message: string) => void; timeoutSeconds?: number };

export interface TokenSource {
  method: SignIn["kind"];
  clientId: string;
  tenantId: string;
  certificateThumbprintSha256: string | null;
  /** A bearer token for `resource` (an origin such as https://outlook.office365.com). */
  getToken(resource: string): Promise<string>;
  /** Aborts any sign-in request still open and closes its connections: call once collection is over. */
  close(): Promise<void>;
}

export interface TokenSourceOptions {
  /** How long one request to the sign-in endpoint may take, and an app-only token in all (device code sign-ins wait for the user instead). */
  timeoutMs?: number;
}

export async function createTokenSource(cloud: CloudEndpoints, signIn: SignIn, options: TokenSourceOptions = {}): Promise<TokenSource> {
  checkTenantId(signIn.tenantId);
  const auth: Configuration["auth"] = {
    clientId: signIn.clientId,
    authority: `${cloud.authorityHost}/${signIn.tenantId}`,
  };
  if (cloud.authorityMetadata) {
    // A custom cloud: hand MSAL the metadata so it never goes looking for it on the network.
    auth.knownAuthorities = [new URL(cloud.authorityHost).host];
    auth.authorityMetadata = JSON.stringify(
      Object.fromEntries(Object.entries(cloud.authorityMetadata).map(([k, v]) => [k, v.replaceAll("{tenantId}", signIn.tenantId)])),
    );
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Every sign-in request bounded and aborted when over (src/auth/network.ts).
  const network = boundedNetworkClient({ timeoutMs, ca: cloud.ca });
  // MSAL's logger off: its verbose lines can carry request details we promise never to print.
  const system: Configuration["system"] = {
    loggerOptions: { loggerCallback: () => {}, piiLoggingEnabled: false, logLevel: LogLevel.Error },
    networkClient: network,
  };
  const base = { method: signIn.kind, clientId: signIn.clientId, tenantId: signIn.tenantId, close: () => network.close() };

  if (signIn.kind === "device-code") {
    const app = new PublicClientApplication({ auth, system });
    return { ...base, certificateThumbprintSha256: null, getToken: deviceCodeTokens(app, signIn, () => network.lastFailure()) };
  }
  let thumbprint: string | null = null;
  if (signIn.kind === "certificate") {
    const cert = await readClientCertificate(signIn.certificatePath);
    thumbprint = cert.thumbprintSha256;
    auth.clientCertificate = { thumbprintSha256: cert.thumbprintSha256, privateKey: cert.privateKey };
  } else {
    if (!signIn.secret) throw new InputError("AZURE_CLIENT_SECRET is empty");
    auth.clientSecret = signIn.secret;
    // Known to the scrubber wherever the sign-in starts (the CLI or a library caller).
    rememberSecret(signIn.secret);
  }
  const app = new ConfidentialClientApplication({ auth, system });
  const acquire = async (resource: string): Promise<string> => {
    let result: AuthenticationResult | null;
    try {
      // Cached in memory by MSAL until shortly before expiry. MSAL sets no deadline of its own.
      result = await withDeadline(app.acquireTokenByClientCredential({ scopes: [`${resource}/.default`] }), timeoutMs);
    } catch (err) {
      if (err instanceof AuthError) throw err;
      throw authErrorOf(err, resource, network.lastFailure());
    }
    if (!result?.accessToken) throw new TokenError(`no token for ${resource}: the sign-in returned none`);
    rememberSecret(result.accessToken);
    return result.accessToken;
  };
  // Collectors start together; without this each would ask for its own first token.
  const inflight = new Map<string, Promise<string>>();
  return {
    ...base,
    certificateThumbprintSha256: thumbprint,
    getToken(resource) {
      let p = inflight.get(resource);
      if (!p) {
        p = acquire(resource).finally(() => inflight.delete(resource));
        inflight.set(resource, p);
      }
      return p;
    },
  };
}

/**
 * One device-code sign-in, then silent tokens for the other resources from the refresh token MSAL
 * keeps in memory. Requests are serialised so that two collectors starting at once do not start
 * two sign-ins.
 */
function deviceCodeTokens(app: PublicClientApplication, s: Extract<SignIn, { kind: "device-code" }>, networkReason: () => string | null): (resource: string) => Promise<string> {
  const show = s.prompt ?? ((m: string) => process.stderr.write(`${m}\n`));
  // The message is the server's text: control characters out before it reaches a terminal.
  // eslint-disable-next-line no-control-regex
  const prompt = (m: string) => show(m.replace(/[\u0000-\u001f\u007f]+/g, " ").trim());
  let account: AccountInfo | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  // A device-code sign-in that failed is not offered again in the same run: one prompt, one answer.
  let signInFailure: unknown = null;
  const acquire = async (resource: string): Promise<string> => {
    const scopes = [`${resource}/.default`];
    let result: AuthenticationResult | null = null;
    if (account) result = await app.acquireTokenSilent({ account, scopes }).catch(() => null);
    if (!result) {
      if (signInFailure) throw signInFailure;
      try {
        result = await app.acquireTokenByDeviceCode({
          scopes,
          deviceCodeCallback: (r) => prompt(r.message),
          timeout: s.timeoutSeconds ?? 900,
        });
      } catch (err) {
        signInFailure = authErrorOf(err, resource, networkReason());
        throw signInFailure;
      }
    }
    if (!result?.accessToken) throw new TokenError(`no token for ${resource}: the sign-in returned none`);
    account = result.account ?? account;
    rememberSecret(result.accessToken);
    return result.accessToken;
  };
  return (resource) => {
    const next = queue.then(() => acquire(resource));
    queue = next.catch(() => {});
    return next;
  };
}

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AuthError("AUTH_UNREACHABLE", `sign-in failed: the token endpoint did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
