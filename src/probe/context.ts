// What every probe receives instead of globals: the resolver, the clock, limits, options and a logger.
// Tests build one pointing at the sandbox or the test world.
import type { Resolver } from "../dns/types.js";

export interface ProbeContext {
  resolver: Resolver;
  now: () => Date;
  /** Extra trusted CA certificates (PEM) for HTTPS and SMTP checks, from --ca-file. */
  ca: string[];
  /** Per network step (connect, read, handshake, fetch), in milliseconds. */
  timeoutMs: number;
  /** Per SMTP step (connect, a reply, the TLS handshake), when it differs from timeoutMs (--smtp-timeout). */
  smtpTimeoutMs?: number;
  /** The run deadline (src/probe/deadline.ts): aborted, every network step ends with RUN_DEADLINE. */
  signal?: AbortSignal;
  /** DKIM selectors to look up besides the tenant's own. */
  dkimSelectors: string[];
  log: (message: string) => void;
  /**
   * The port HTTPS policy fetches (MTA-STS) connect to: 443 when absent, as RFC 8461 §3.3 says.
   * Only the sandbox and the tests set it, so in-process servers on 127.0.0.1:<port> can stand in
   * for mta-sts.<domain>; the host name is still resolved with `resolver` and still checked
   * against the certificate.
   */
  httpsPort?: number;
  /**
   * false: never connect to a private, loopback or link-local address (SMTP_PRIVATE_ADDRESS,
   * HTTP_PRIVATE_ADDRESS). The CLI sets it unless --allow-private; the library leaves it to the caller.
   */
  allowPrivate?: boolean;
  /**
   * Where the SMTP service of an MX address is reached: the address itself, port 25, when absent.
   * The sandbox and the tests map their addresses to in-process servers on 127.0.0.1:<port>; null
   * means the address cannot be reached in this world (recorded as SMTP_CONNECT, never tried).
   */
  smtpEndpoint?: (address: string) => { host: string; port: number } | null;
  /**
   * Also ask for records of the retired type SPF (99, RFC 7208 §3.1) and lint them (spf-type). No
   * rule reads that, so a run does not spend a query a domain on it unless a caller asks.
   */
  spfTypeRecords?: boolean;
}
