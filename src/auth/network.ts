// The network client msal-node signs in through (its `system.networkClient`). MSAL's own sets a
// timer but never aborts the request (issue 23, case 7): a token endpoint that accepts the
// connection and never answers kept the socket, and with it the process, alive after the run had
// given up. Here each request has one deadline for the whole exchange, after which it is aborted
// and its socket closed; `close()` ends whatever is still open once sign-in is no longer needed.
// The trust store is the tool's (system roots plus a custom cloud's CA), never switched off.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import { request } from "undici";
import { boundedAgent } from "../tls/agent.js";

export interface BoundedNetworkClient extends INetworkModule {
  /** Aborts every request still open and closes the connections. */
  close(): Promise<void>;
  /**
   * Why the last request failed, in our words: MSAL replaces a network client's error with its own
   * "network_error: See https://aka.ms/…", so the reason (an untrusted certificate, a refused
   * connection) is kept here for the error the user sees.
   */
  lastFailure(): string | null;
}

/** MSAL names a network failure by this code; authErrorOf maps it to AUTH_UNREACHABLE. */
class NetworkFailure extends Error {
  readonly errorCode = "network_error";
}

export function boundedNetworkClient(o: { timeoutMs: number; ca: string[] }): BoundedNetworkClient {
  const agent = boundedAgent(o);
  const open = new Set<AbortController>();
  let last: string | null = null;

  async function send<T>(method: "GET" | "POST", url: string, options: NetworkRequestOptions = {}, timeoutMs = o.timeoutMs): Promise<NetworkResponse<T>> {
    const controller = new AbortController();
    open.add(controller);
    const limit = Math.min(timeoutMs, o.timeoutMs);
    const timer = setTimeout(() => controller.abort(), limit);
    try {
      const res = await request(url, {
        method, dispatcher: agent, signal: controller.signal,
        headers: options.headers ?? {},
        ...(method === "POST" ? { body: options.body ?? "" } : {}),
      });
      const text = await res.body.text();
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
      let body: T;
      try {
        body = JSON.parse(text) as T;
      } catch {
        throw new NetworkFailure(`the sign-in endpoint answered HTTP ${res.statusCode} without JSON`);
      }
      return { status: res.statusCode, headers, body };
    } catch (err) {
      if (err instanceof NetworkFailure) {
        last = err.message;
        throw err;
      }
      const why = controller.signal.aborted ? `no answer within ${limit} ms` : reasonOf(err);
      last = `${new URL(url).origin}: ${why}`;
      throw new NetworkFailure(last);
    } finally {
      clearTimeout(timer);
      open.delete(controller);
    }
  }

  return {
    sendGetRequestAsync: (url, options, timeout) => send("GET", url, options, timeout),
    sendPostRequestAsync: (url, options) => send("POST", url, options),
    lastFailure: () => last,
    async close() {
      for (const c of open) c.abort();
      await agent.destroy().catch(() => {});
    },
  };
}

/** An undici error in one line; an untrusted certificate says how to trust it. */
function reasonOf(err: unknown): string {
  const e = err as { message?: string; code?: string; cause?: { message?: string; code?: string } };
  const code = e.code ?? e.cause?.code ?? "";
  const message = e.cause?.message && e.message === "fetch failed" ? e.cause.message : (e.message ?? String(err));
  const certificate = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code) || /certificate/i.test(message);
  return certificate ? `${message} (the certificate is not trusted: give its CA with --ca-file, or in the cloud endpoints file's "ca")` : message;
}
