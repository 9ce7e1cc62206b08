// startSandboxCloud(scenario): a fake Microsoft cloud on 127.0.0.1 — sign-in (plain http, as
// msal-node allows for a token endpoint given in authority metadata), Graph and the Exchange admin
// API (https with a throw-away test CA, so the Graph client attaches its token as it would to
// graph.microsoft.com). It returns the --cloud-endpoints JSON that points a run at it.
import { randomBytes, X509Certificate } from "node:crypto";
import { writeFile } from "node:fs/promises";
import type http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { CloudEndpointsFile } from "../../cloud/custom.js";
import { parseCloudEndpoints } from "../../cloud/custom.js";
import type { CloudEndpoints } from "../../cloud/clouds.js";
import { createTestCa, type TestCa } from "../pki.js";
import { handleExchange } from "./exchange-api.js";
import { handleGraph } from "./graph-api.js";
import { sendJson } from "./http-util.js";
import { handleLogin } from "./login.js";
import type { Fault, Scenario } from "../scenario.js";
import type { CloudState, RequestRecord } from "./state.js";

/** The fake sign-in host: never resolved (MSAL is given its metadata), `.invalid` so it never could be. */
const AUTHORITY_HOST = "https://login.sandbox.invalid";

export interface AppCredential {
  /** Certificate and private key in one PEM, the file --certificate takes. */
  certificatePem?: string;
  secret?: string;
}

export interface SandboxCloud {
  /** The --cloud-endpoints JSON (write it to a file with `writeEndpoints`). */
  endpoints: CloudEndpointsFile;
  /** The same, parsed, for collectTenant({ cloudEndpoints }). */
  cloud: CloudEndpoints;
  /** The credentials made for the scenario's apps, by client id. */
  credentials: Record<string, AppCredential>;
  ca: TestCa;
  /** Every request so far, in order. */
  requests(): RequestRecord[];
  /** Adds a fault from now on. */
  inject(fault: Fault): void;
  clearFaults(): void;
  writeEndpoints(path: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSandboxCloud(scenario: Scenario): Promise<SandboxCloud> {
  const ca = await createTestCa("exo-posture sandbox cloud");
  const serverCert = await ca.issue({ names: ["localhost"] });
  const credentials: Record<string, AppCredential> = {};
  const state: CloudState = {
    scenario,
    authorityHost: AUTHORITY_HOST,
    loginOrigin: "",
    graph: "",
    exchange: "",
    certificates: new Map(),
    secrets: new Map(),
    tokens: new Map(),
    refreshTokens: new Map(),
    deviceCodes: new Map(),
    faults: (scenario.faults ?? []).map((f) => ({ ...f })),
    requests: [],
  };
  for (const app of scenario.apps) {
    if (app.credential === "certificate") {
      const cert = await ca.issue({ names: [`app-${app.clientId}.sandbox.invalid`], keyType: "rsa" });
      state.certificates.set(app.clientId, new X509Certificate(cert.certPem));
      credentials[app.clientId] = { certificatePem: cert.certPem + cert.keyPem };
    } else if (app.credential === "secret") {
      const secret = `sbx~${randomBytes(24).toString("base64url")}`;
      state.secrets.set(app.clientId, secret);
      credentials[app.clientId] = { secret };
    }
  }

  const record = (server: RequestRecord["server"], handler: (req: http.IncomingMessage, res: http.ServerResponse, note: (c: string) => void) => Promise<number>) =>
    (req: http.IncomingMessage, res: http.ServerResponse) => {
      const entry: RequestRecord = { server, method: req.method ?? "", path: req.url ?? "", status: 0 };
      state.requests.push(entry);
      handler(req, res, (cmdlet) => (entry.cmdlet = cmdlet))
        .then((status) => (entry.status = status))
        .catch((err: Error) => {
          entry.status = 500;
          if (!res.headersSent) sendJson(res, 500, { error: { code: "SandboxError", message: err.message } });
          else res.destroy();
        });
    };

  const tls = { cert: serverCert.chainPem, key: serverCert.keyPem };
  // Sign-in is https with the test CA too, as a private cloud or a TLS-inspecting proxy would be:
  // msal-node reaches it only through our network client, which trusts the cloud's CA (and
  // --ca-file), never NODE_EXTRA_CA_CERTS.
  const login = https.createServer(tls, record("login", (req, res) => handleLogin(state, req, res)));
  const graph = https.createServer(tls, record("graph", (req, res) => handleGraph(state, req, res)));
  const exchange = https.createServer(tls, record("exchange", (req, res, note) => handleExchange(state, req, res, note)));
  const servers = [login, graph, exchange];
  const ports = await Promise.all(servers.map((s) => new Promise<number>((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)))));
  state.loginOrigin = `https://localhost:${ports[0]}`;
  // "localhost", the name on the test certificate; it is resolved to loopback, like every name here.
  state.graph = `https://localhost:${ports[1]}`;
  state.exchange = `https://localhost:${ports[2]}`;

  const endpoints: CloudEndpointsFile = {
    name: "sandbox",
    authorityHost: AUTHORITY_HOST,
    authorityMetadata: {
      token_endpoint: `${state.loginOrigin}/{tenantId}/oauth2/v2.0/token`,
      authorization_endpoint: `${state.loginOrigin}/{tenantId}/oauth2/v2.0/authorize`,
      issuer: `${AUTHORITY_HOST}/{tenantId}/v2.0`,
      end_session_endpoint: `${state.loginOrigin}/{tenantId}/oauth2/v2.0/logout`,
      jwks_uri: `${state.loginOrigin}/{tenantId}/discovery/v2.0/keys`,
    },
    graph: state.graph,
    exchange: state.exchange,
    ca: [ca.certPem],
  };
  return {
    endpoints,
    cloud: parseCloudEndpoints(endpoints, "sandbox cloud endpoints"),
    credentials,
    ca,
    requests: () => [...state.requests],
    inject: (fault) => state.faults.push({ ...fault }),
    clearFaults: () => (state.faults.length = 0),
    writeEndpoints: (path) => writeFile(path, `${JSON.stringify(endpoints, null, 2)}\n`, "utf8"),
    close: async () => {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
