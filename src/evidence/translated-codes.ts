// Codes of Node, undici, OpenSSL and Entra ID that probes and collectors branch on. None reaches
// evidence as it is: each is translated to a catalogue code where it is caught, and any other
// foreign code that gets through becomes INTERNAL with the original leading the message.
import type { ErrorCode } from "./errors.js";

export interface Translation {
  /** The foreign code, or the start of a family of them when `prefix` is set. */
  foreign: string;
  prefix?: true;
  /** Whose code it is. */
  from: "Node" | "undici" | "OpenSSL" | "llhttp" | "Entra ID";
  becomes: readonly ErrorCode[];
}

export const TRANSLATED_CODES: readonly Translation[] = [
  { foreign: "ABORT_ERR", from: "Node", becomes: ["EXO_TIMEOUT", "GRAPH_TIMEOUT"] },
  { foreign: "UND_ERR_CONNECT_TIMEOUT", from: "undici", becomes: ["HTTP_TIMEOUT", "EXO_TIMEOUT", "GRAPH_TIMEOUT"] },
  { foreign: "UND_ERR_HEADERS_TIMEOUT", from: "undici", becomes: ["HTTP_TIMEOUT", "EXO_TIMEOUT", "GRAPH_TIMEOUT"] },
  { foreign: "UND_ERR_BODY_TIMEOUT", from: "undici", becomes: ["HTTP_TIMEOUT", "EXO_TIMEOUT", "GRAPH_TIMEOUT"] },
  { foreign: "ETIMEDOUT", from: "Node", becomes: ["HTTP_TIMEOUT"] },
  { foreign: "ECONNREFUSED", from: "Node", becomes: ["HTTP_CONNECT_REFUSED", "SMTP_CONNECT", "AUTH_UNREACHABLE"] },
  { foreign: "ENOTFOUND", from: "Node", becomes: ["AUTH_UNREACHABLE"] },
  { foreign: "EPROTO", from: "Node", becomes: ["TLS_HANDSHAKE"] },
  { foreign: "ERR_SSL_", prefix: true, from: "Node", becomes: ["TLS_HANDSHAKE"] },
  { foreign: "ERR_TLS_", prefix: true, from: "Node", becomes: ["TLS_HANDSHAKE", "TLS_CERT_INVALID"] },
  { foreign: "CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, UNABLE_TO_GET_ISSUER_CERT_LOCALLY …", from: "OpenSSL", becomes: ["TLS_CERT_INVALID"] },
  { foreign: "HPE_", prefix: true, from: "llhttp", becomes: ["HTTP_PROTOCOL"] },
  { foreign: "AADSTS", prefix: true, from: "Entra ID", becomes: ["AUTH_TENANT_NOT_FOUND", "AUTH_CLIENT_NOT_FOUND", "AUTH_INVALID_CREDENTIAL", "AUTH_FAILED"] },
];
