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
  /** DKIM selectors to look up besides the tenant's own. */
  dkimSelectors: string[];
  log: (message: string) => void;
}
