// Which subjects a rule of each scope is judged for, and what it sees of the evidence.
import type { Evidence } from "../evidence/evidence.js";
import { pointer } from "../evidence/pointer.js";
import { type Inconsistencies, inconsistenciesOf } from "./consistency.js";
import type { RuleFile } from "./rule-schema.js";
import type { Subject } from "./judge.js";

interface Named { name?: unknown }

const inconsistent = (why: string) => ({ code: "EVIDENCE_INCONSISTENT" as const, message: `the evidence file contradicts itself: ${why}, so this cannot be judged (EVIDENCE_INCONSISTENT)` });

export function subjectsFor(
  scope: RuleFile["scope"], evidence: Evidence, params: Record<string, unknown>, checked: Inconsistencies = inconsistenciesOf(evidence),
): Subject[] {
  const resolver = evidence.resolver;
  const tenant = evidence.tenant;
  const common = { params, resolver, tenant };
  const commonPointers = { resolver: "/resolver", tenant: "/tenant" };
  const domainList = Object.values(evidence.domains);
  switch (scope) {
    case "domain":
      return Object.keys(evidence.domains).sort().map((name) => {
        const domain = evidence.domains[name]!;
        const mxHosts = Object.fromEntries((domain.mx?.hosts ?? []).map((h) => [h.exchange, evidence.mxHosts[h.exchange] ?? null]));
        const why = checked.domains.get(name);
        return {
          id: `domain:${name}`, vars: { ...common, domain, mxHosts }, pointers: { ...commonPointers, domain: pointer("domains", name), mxHosts: "/mxHosts" },
          ...(why ? { problem: inconsistent(why) } : {}),
        };
      });
    case "mx":
      // Every host a domain names is a subject, evidence or not: a host missing from the file is
      // judged `error`, never dropped (its failures would vanish with it).
      return [...new Set([...Object.keys(evidence.mxHosts), ...checked.missingHosts.keys()])].sort().map((host) => {
        const named = checked.missingHosts.get(host);
        const why = named ? `${named.join(", ")} name${named.length === 1 ? "s" : ""} ${host} as MX, but the file holds no evidence for it` : checked.mxHosts.get(host);
        return {
          id: `mx:${host}`,
          vars: { ...common, mx: evidence.mxHosts[host] ?? null },
          pointers: { ...commonPointers, mx: pointer("mxHosts", host) },
          ...(why ? { problem: inconsistent(why) } : {}),
        };
      });
    case "tenant":
      return [{ id: "tenant", vars: { ...common, domains: domainList, mxHosts: evidence.mxHosts }, pointers: { ...commonPointers, domains: "/domains", mxHosts: "/mxHosts" } }];
    case "connector": {
      const connectors = ((tenant as { connectors?: Named[] } | null)?.connectors ?? []) as Named[];
      // docs/rules.md names a connector subject `connector:<name>`. Inbound and outbound connectors may
      // share a name (a gateway's pair often does): only then is the direction added, so each
      // finding and waiver still names one connector.
      const counts = new Map<string, number>();
      for (const c of connectors) counts.set(String(c.name), (counts.get(String(c.name)) ?? 0) + 1);
      const idOf = (c: Named & { direction?: unknown }) =>
        (counts.get(String(c.name)) ?? 0) > 1 ? `connector:${String(c.name)} (${String(c.direction)})` : `connector:${String(c.name)}`;
      return connectors.map((connector, i) => ({
        id: idOf(connector),
        vars: { ...common, connector, domains: domainList },
        pointers: { ...commonPointers, connector: pointer("tenant", "connectors", String(i)), domains: "/domains" },
      }));
    }
    case "message": {
      const messages = ((evidence as { messages?: Record<string, unknown> }).messages ?? {}) as Record<string, unknown>;
      return Object.keys(messages).sort().map((file) => ({
        id: `message:${file}`,
        vars: { ...common, message: messages[file] },
        pointers: { ...commonPointers, message: pointer("messages", file) },
      }));
    }
  }
}
