// Runs every probe for one domain. Probes are independent, so they run at once; their queries
// share the run's resolver cache.
import type { DomainEvidence } from "../evidence/domain.js";
import type { ProbeContext } from "./context.js";
import { probeDmarc } from "./dmarc.js";
import { probeMx } from "./mx.js";
import { domainRole } from "./role.js";
import { probeSpfRecord } from "./spf-record.js";

export interface DomainTarget {
  name: string;
  input: string;
  source: DomainEvidence["source"];
}

export async function probeDomain(target: DomainTarget, ctx: ProbeContext): Promise<DomainEvidence> {
  const [mx, spf, dmarc] = await Promise.all([
    probeMx(target.name, ctx),
    probeSpfRecord(target.name, ctx),
    probeDmarc(target.name, ctx),
  ]);
  return { ...target, role: domainRole({ name: target.name, mx, spf }), mx, spf, dmarc };
}
