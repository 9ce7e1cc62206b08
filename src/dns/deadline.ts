// A resolver bound to the run deadline (src/probe/deadline.ts): once it passes, a query in flight
// rejects at once and a new one is not sent, both with RUN_DEADLINE (RUN_INTERRUPTED when the run
// was interrupted), which probes record as they record a timeout: as an evidence error, so the
// verdicts that need the answer are `error`. The CLI always has such a signal (Ctrl-C), so the
// queries in flight wait in one set under one listener, not a listener each: a run sends 90,000.
import { cutOffCode } from "../probe/deadline.js";
import { DnsError } from "./errors.js";
import type { DnsAnswer, RecordType, Resolver } from "./types.js";

export function withDeadline(resolver: Resolver, signal: AbortSignal): Resolver {
  const why = () => (cutOffCode(signal) === "RUN_INTERRUPTED" ? "the run was interrupted" : "the run deadline passed");
  const inFlight = new Set<() => void>();
  signal.addEventListener("abort", () => {
    for (const cut of [...inFlight]) cut();
  }, { once: true });
  return {
    info: resolver.info,
    stats: () => resolver.stats(),
    query(name: string, type: RecordType): Promise<DnsAnswer> {
      if (signal.aborted) {
        const code = cutOffCode(signal);
        return Promise.reject(new DnsError(code, `not asked: ${why()} (${code})`, { name, type }));
      }
      return new Promise((resolve, reject) => {
        const cut = () => {
          inFlight.delete(cut);
          const code = cutOffCode(signal);
          reject(new DnsError(code, `no answer before ${why()} (${code})`, { name, type }));
        };
        inFlight.add(cut);
        resolver.query(name, type).then(resolve, reject).finally(() => inFlight.delete(cut));
      });
    },
  };
}
