// What went wrong with a policy fetch, sorted the way the evidence needs it: a `failure` is the
// server's doing and a fact about the domain (a sender could not use the policy either); an
// `error` leaves the answer unknown (timeouts, DNS failures, a connection dropped on the way).
import type { EvidenceError } from "../../evidence/common.js";
import { thrownCode, thrownMessage } from "../../evidence/thrown.js";
import { errorOf } from "../evidence-of.js";

// OpenSSL's verify codes as Node reports them, and Node's own name check.
const CERT_CODE = /CERT|SELF_SIGNED|ISSUER|LEAF_SIGNATURE|INVALID_CA|PATH_LENGTH|INVALID_PURPOSE|ALTNAME|HOSTNAME_MISMATCH/;

/** A failure the server caused, or an error that leaves the answer unknown. */
export function classify(err: unknown, url: string): { kind: "failure" | "error"; error: EvidenceError } {
  const e = errorOf(err);
  if (e.code === "HTTP_NO_ADDRESS") return { kind: "failure", error: e };
  // Not looked at, on purpose: unknown, never a failure of the domain's.
  if (e.code === "HTTP_PRIVATE_ADDRESS") return { kind: "error", error: e };
  if (e.code.startsWith("DNS_")) return { kind: "error", error: e };
  // Node's, undici's and OpenSSL's own codes are what tell these apart, so read the raw ones.
  const code = thrownCode(err) ?? "INTERNAL";
  const message = thrownMessage(err);
  if (code === "HTTP_TIMEOUT" || /^UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT$/.test(code) || code === "ETIMEDOUT") {
    return { kind: "error", error: { code: "HTTP_TIMEOUT", message: `${url}: ${message}` } };
  }
  if (CERT_CODE.test(code)) {
    return { kind: "failure", error: { code: "TLS_CERT_INVALID", message: `the certificate of ${new URL(url).hostname} is not valid for it: ${code}: ${message}` } };
  }
  if (code === "ECONNREFUSED") return { kind: "failure", error: { code: "HTTP_CONNECT_REFUSED", message: `${url}: nothing listens (${message})` } };
  if (code === "EPROTO" || code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_")) {
    return { kind: "failure", error: { code: "TLS_HANDSHAKE", message: `${url}: TLS handshake failed: ${code}: ${message}` } };
  }
  if (code.startsWith("HPE_")) return { kind: "failure", error: { code: "HTTP_PROTOCOL", message: `${url} did not answer in HTTP: ${code}: ${message}` } };
  return { kind: "error", error: { code: "HTTP_NETWORK", message: `${url}: ${code}: ${message}` } };
}
