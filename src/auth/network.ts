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
}

/** MSAL names a network failure by this code; authErrorOf maps it to AUTH_UNREACHABLE. */
class NetworkFailure extends Error {
  readonly errorCode = "network_error";
}

export function boundedNetworkClient(o: { timeoutMs: number; ca: string[] }): BoundedNetworkClient {
  const agent = boundedAgent(o);
  const open = new Set<AbortController>();

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
      if (err instanceof NetworkFailure) throw err;
      const why = controller.signal.aborted ? `no answer within ${limit} ms` : ((err as Error).message ?? String(err));
      throw new NetworkFailure(`${new URL(url).origin}: ${why}`);
    } finally {
      clearTimeout(timer);
      open.delete(controller);
    }
  }

  return {
    sendGetRequestAsync: (url, options, timeout) => send("GET", url, options, timeout),
    sendPostRequestAsync: (url, options) => send("POST", url, options),
    async close() {
      for (const c of open) c.abort();
      await agent.destroy().catch(() => {});
    },
  };
}
