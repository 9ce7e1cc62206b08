// mailauth asks DNS through an injectable `resolver(name, type)` shaped like node:dns's resolve():
// TXT answers as arrays of character-strings, a missing name or record as an error with code
// ENOTFOUND / ENODATA. This adapter puts our resolver behind it, so key lookups go through the run's
// resolver (its cache, its DoH, the sandbox), and remembers every real failure: mailauth turns a
// failed ARC-Seal key lookup into a plain "fail", and unknown must never read as fail or pass.
import { DnsError } from "../../dns/errors.js";
import type { RecordType, Resolver } from "../../dns/types.js";
import type { ErrorCode } from "../../evidence/errors.js";

export interface DnsFailure { name: string; type: string; code: ErrorCode; message: string }

export interface RecordingResolver {
  resolve: (name: string, type: string) => Promise<unknown>;
  failures: DnsFailure[];
}

export function mailauthResolver(resolver: Resolver): RecordingResolver {
  const failures: DnsFailure[] = [];
  const resolve = async (name: string, type: string): Promise<unknown> => {
    let answer;
    try {
      answer = await resolver.query(name, type as RecordType);
    } catch (err) {
      const code: ErrorCode = err instanceof DnsError ? err.code : "DNS_ERROR";
      failures.push({ name, type, code, message: (err as Error).message });
      throw Object.assign(new Error(`${name} ${type}: ${(err as Error).message}`), { code });
    }
    if (answer.status === "nxdomain") throw Object.assign(new Error(`${name}: NXDOMAIN`), { code: "ENOTFOUND" });
    if (answer.status === "nodata" || answer.records.length === 0) throw Object.assign(new Error(`${name}: no ${type} records`), { code: "ENODATA" });
    // node:dns gives TXT as string[][] (the character-strings of each record) and others as values.
    return answer.records.map((r) => r.data);
  };
  return { resolve, failures };
}
