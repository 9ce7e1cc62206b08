// The HTTP agent every tenant request goes through (src/tls/agent.ts, shared with sign-in), and
// how its failures read.
export { boundedAgent as createAgent } from "../tls/agent.js";

/** undici's stable error codes for "no answer in time". */
export function isTimeout(err: unknown): boolean {
  const code = (err as { code?: string; cause?: { code?: string } })?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  // AbortSignal.timeout() aborts with a DOMException named TimeoutError.
  const name = (err as { name?: string })?.name ?? (err as { cause?: { name?: string } })?.cause?.name;
  return code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT" || code === "ABORT_ERR" || name === "TimeoutError";
}

export function networkDetail(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return [e.code ?? e.cause?.code, e.cause?.message ?? e.message].filter(Boolean).join(": ");
}
