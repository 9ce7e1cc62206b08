// SPF (RFC 7208): check_host(), the linter over its walk, and the domain probe that records both.
export { checkHost, type CheckHostOptions, type CheckHostResult, LOOKUP_LIMIT, VOID_LOOKUP_LIMIT } from "./check-host.js";
export { lintSpf, EXO_SPF_INCLUDE } from "./lint.js";
export { probeSpf, WALK_IP } from "./probe.js";
export { isSpfRecord, parseRecord } from "./record.js";
export { parseIp } from "./ip.js";
export type { SpfResult, SpfStep } from "./types.js";
