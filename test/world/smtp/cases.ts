// The MX hosts of the loopback test world: one SMTP server on port 25 of its own 127.0.0.x address
// each, with the certificate and behaviour its DANE case needs. certs.ts, serve.ts, prepare.sh
// (TLSA records) and dane-world.test.ts all read this one table.
import type { SmtpServerMode } from "../../../src/sandbox/smtp/server.js";

export interface WorldCert {
  /** File stem under $EXO_WORLD_DIR/smtp: <stem>.chain.pem, <stem>.key.pem, <stem>.cert.pem. */
  stem: string;
  names: string[];
  kind: "issued" | "expired" | "self-signed";
}

/** The DANE outcome both exo-posture and posttls-finger must reach for a host. */
export type DaneVerdict = "verified" | "failed" | "no-dane" | "unreachable";

export interface WorldMx {
  host: string;
  /** The domain whose MX names the host (in dane.test, signed). */
  domain: string;
  /** Null when the host has no server of its own (it shares 127.0.0.20, or never resolves). */
  address: string | null;
  mode: SmtpServerMode;
  cert: string | null;
  about: string;
  expect: DaneVerdict;
}

export const worldCerts: WorldCert[] = [
  { stem: "good", names: ["mx-good.dane.test", "mx-pkix.dane.test", "mx-cname.dane.test", "mx.dane-bogus.test"], kind: "issued" },
  { stem: "mismatch", names: ["mx-mismatch.dane.test"], kind: "issued" },
  { stem: "ta", names: ["mx-ta.dane.test"], kind: "issued" },
  { stem: "wrongname", names: ["elsewhere.dane.test"], kind: "issued" },
  { stem: "expired", names: ["mx-expired.dane.test"], kind: "expired" },
  { stem: "selfsigned", names: ["mx-selfsigned.dane.test"], kind: "self-signed" },
  { stem: "tls10", names: ["mx-tls10.dane.test"], kind: "issued" },
  { stem: "unsigned", names: ["mx.dane-unsigned.test"], kind: "issued" },
  // Keys no server uses: a TLSA record for "another key" and a pre-published next key.
  { stem: "other", names: ["other.dane.test"], kind: "issued" },
  { stem: "next", names: ["next.dane.test"], kind: "issued" },
];

export const worldMx: WorldMx[] = [
  { host: "mx-good.dane.test", domain: "good.dane.test", address: "127.0.0.20", mode: "starttls", cert: "good", about: "3 1 1 + 2 1 1, matching", expect: "verified" },
  { host: "mx-mismatch.dane.test", domain: "mismatch.dane.test", address: "127.0.0.21", mode: "starttls", cert: "mismatch", about: "3 1 1 of another key", expect: "failed" },
  { host: "mx-ta.dane.test", domain: "ta.dane.test", address: "127.0.0.22", mode: "starttls", cert: "ta", about: "2 0 1 of the intermediate", expect: "verified" },
  { host: "mx-wrongname.dane.test", domain: "wrongname.dane.test", address: "127.0.0.23", mode: "starttls", cert: "wrongname", about: "2 1 1 matches, certificate for another name", expect: "failed" },
  { host: "mx-expired.dane.test", domain: "expired.dane.test", address: "127.0.0.24", mode: "starttls", cert: "expired", about: "expired certificate, 3 1 2", expect: "verified" },
  { host: "mx-selfsigned.dane.test", domain: "selfsigned.dane.test", address: "127.0.0.25", mode: "starttls", cert: "selfsigned", about: "self-signed, 3 0 1 + next key", expect: "verified" },
  { host: "mx-nostarttls.dane.test", domain: "nostarttls.dane.test", address: "127.0.0.26", mode: "no-starttls", cert: null, about: "no STARTTLS, 3 1 1 published", expect: "failed" },
  { host: "mx-tls10.dane.test", domain: "tls10.dane.test", address: "127.0.0.27", mode: "tls10-only", cert: "tls10", about: "TLS 1.0 only, 3 1 1 matching", expect: "failed" },
  { host: "mx-stall.dane.test", domain: "stall.dane.test", address: "127.0.0.28", mode: "stall-after-banner", cert: null, about: "stalls after the banner", expect: "unreachable" },
  { host: "mx-pkix.dane.test", domain: "pkix.dane.test", address: null, mode: "starttls", cert: "good", about: "only 1 1 1 (unusable for SMTP), on 127.0.0.20", expect: "no-dane" },
  { host: "mx-cname.dane.test", domain: "cname.dane.test", address: null, mode: "starttls", cert: "good", about: "TLSA owner is a CNAME to a shared 2 1 1, on 127.0.0.20", expect: "verified" },
  { host: "mx.dane-unsigned.test", domain: "unsigned.dane.test", address: "127.0.0.29", mode: "starttls", cert: "unsigned", about: "TLSA in an unsigned zone", expect: "no-dane" },
  { host: "mx.dane-bogus.test", domain: "bogus.dane.test", address: null, mode: "starttls", cert: "good", about: "host in a bogus zone", expect: "unreachable" },
];
