// How much of a run happens at once (--concurrency). A run is bound by round trips, not by CPU:
// each domain waits on a few sequential DNS answers, its MTA-STS fetch and its MX hosts' SMTP
// dialogues, so many domains in flight keep a slow resolver busy until the CPU is the limit (npm run
// bench: at 64, a 10,000-domain run on 2 cores is CPU-bound).
// Three bounds follow from the one number: domains, MX hosts (each a TCP+TLS dialogue, kept lower
// so a run does not look like a scan to the hosts it talks to) and DNS queries on the wire.

/** Domains probed at once by default: measured with `npm run bench` (10,000 domains, 20 ms answers). */
export const DEFAULT_CONCURRENCY = 64;
/** MX hosts probed at once, at most. */
export const MAX_HOST_CONCURRENCY = 32;
/** DNS queries in flight per domain in flight (a domain asks up to ten names at once). */
export const DNS_PER_DOMAIN = 4;

export interface Concurrency { domains: number; hosts: number; dnsQueries: number }

export function concurrencyOf(n: number = DEFAULT_CONCURRENCY): Concurrency {
  const domains = Math.max(1, Math.floor(n));
  return { domains, hosts: Math.min(domains, MAX_HOST_CONCURRENCY), dnsQueries: Math.max(32, domains * DNS_PER_DOMAIN) };
}
