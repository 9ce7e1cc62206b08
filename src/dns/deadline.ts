// A resolver bound to the run deadline (src/probe/deadline.ts): once it passes, a query in flight
// rejects at once and a new one is not sent, both with RUN_DEADLINE (RUN_INTERRUPTED when the run
// was interrupted), which probes record as they
// record a timeout: as an evidence error, so the verdicts that need the answer are `error`.
import { cutOffCode } from "../probe/deadline.js";
import { DnsError } from "./errors.js";
import type { DnsAnswer, RecordType, Resolver } from "./types.js";

export function withDeadline(resolver: Resolver, signal: AbortSignal): Resolver {
  const passed = (name: string, type: RecordType) => {
    const code = cutOffCode(signal);
    return new DnsError(code, `not asked: ${code === "RUN_INTERRUPTED" ? "the run was interrupted" : "the run deadline passed"} (${code})`, { name, type });
  };
  return {
    info: resolver.info,
    stats: () => resolver.stats(),
    query(name: string, type: RecordType): Promise<DnsAnswer> {
      if (signal.aborted) return Promise.reject(passed(name, type));
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          const code = cutOffCode(signal);
          reject(new DnsError(code, `no answer before ${code === "RUN_INTERRUPTED" ? "the run was interrupted" : "the run deadline passed"} (${code})`, { name, type }));
        };
        signal.addEventListener("abort", onAbort, { once: true });
        resolver.query(name, type).then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
      });
    },
  };
}
