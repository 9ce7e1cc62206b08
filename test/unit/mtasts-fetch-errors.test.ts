// How a failed policy fetch is recorded: the server's fault (failure, a fact) or unknown (error).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DnsError } from "../../src/dns/errors.js";
import { classify } from "../../src/probe/mtasts/fetch-errors.js";

const url = "https://mta-sts.example.gov.uk/.well-known/mta-sts.txt";
const coded = (code: string, message = "boom") => Object.assign(new Error(message), { code });

describe("classify", () => {
  const cases: [what: string, err: unknown, kind: "failure" | "error", code: string][] = [
    ["a certificate for another name", coded("ERR_TLS_CERT_ALTNAME_INVALID"), "failure", "TLS_CERT_INVALID"],
    ["a self-signed certificate", coded("DEPTH_ZERO_SELF_SIGNED_CERT"), "failure", "TLS_CERT_INVALID"],
    ["an unknown issuer", coded("UNABLE_TO_GET_ISSUER_CERT_LOCALLY"), "failure", "TLS_CERT_INVALID"],
    ["an expired certificate", coded("CERT_HAS_EXPIRED"), "failure", "TLS_CERT_INVALID"],
    ["a TLS protocol error", coded("EPROTO"), "failure", "TLS_HANDSHAKE"],
    ["a closed port", coded("ECONNREFUSED"), "failure", "HTTP_CONNECT_REFUSED"],
    ["no address", coded("HTTP_NO_ADDRESS"), "failure", "HTTP_NO_ADDRESS"],
    ["a reply that is not HTTP", coded("HPE_INVALID_CONSTANT"), "failure", "HTTP_PROTOCOL"],
    ["our connect deadline", coded("HTTP_TIMEOUT"), "error", "HTTP_TIMEOUT"],
    ["undici's headers timeout", coded("UND_ERR_HEADERS_TIMEOUT"), "error", "HTTP_TIMEOUT"],
    ["undici's body timeout", coded("UND_ERR_BODY_TIMEOUT"), "error", "HTTP_TIMEOUT"],
    ["a DNS timeout on connect", new DnsError("DNS_TIMEOUT", "no answer", { name: "mta-sts.example.gov.uk", type: "A" }), "error", "DNS_TIMEOUT"],
    ["a reset connection", coded("ECONNRESET"), "error", "HTTP_NETWORK"],
    ["anything else", new Error("odd"), "error", "HTTP_NETWORK"],
  ];
  for (const [what, err, kind, code] of cases) {
    it(`${what} → ${kind} ${code}`, () => {
      const r = classify(err, url);
      assert.equal(r.kind, kind);
      assert.equal(r.error.code, code);
    });
  }
});
