// The evidence of an MX host that was deliberately not probed (a domain names more MX hosts than
// --max-mx-hosts). It is recorded, not left out: a host left out would take its findings with it,
// and a domain-level "at every MX host" verdict would pass on the hosts that were looked at. Every
// section carries the reason as its error, so every verdict that needs the host is `error`.
import type { EvidenceError } from "../evidence/common.js";
import type { MxHostEvidence } from "../evidence/mx-host.js";
import { SMTP_PORT } from "./smtp/index.js";

export function notProbedHost(host: string, domains: string[], error: EvidenceError): MxHostEvidence {
  return {
    host,
    domains,
    addresses: { error, a: null, aaaa: null, list: [] },
    smtp: { error, port: SMTP_PORT, connections: [] },
    dnssec: { error, status: "indeterminate", lookups: [] },
    dane: { error, baseDomain: host, lookups: [], secure: null, records: [], state: null, matches: [] },
  };
}
