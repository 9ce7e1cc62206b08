// The undici agent of the cloud clients (sign-in, Graph, Exchange Online): a timeout on every step
// (connect, headers, each stretch of the body) and the one trust store (system roots plus a custom
// cloud's CA). Certificate checks are never turned off.
import { Agent } from "undici";
import { trustContext } from "./trust.js";

export function boundedAgent(o: { ca: string[]; timeoutMs: number }): Agent {
  return new Agent({
    connect: { timeout: o.timeoutMs, ...(o.ca.length > 0 ? { secureContext: trustContext(o.ca) } : {}) },
    headersTimeout: o.timeoutMs,
    bodyTimeout: o.timeoutMs,
  });
}
