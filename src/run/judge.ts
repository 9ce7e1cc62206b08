// The judging half of a spooled run: each domain, as its evidence completes, is judged (with the
// MX hosts it names, the tenant and the resolver, as in the whole evidence file) and written to
// disk with its findings; at the end the other subjects (MX hosts, tenant, connectors, messages)
// are judged and the findings' head made. The same judge runs in the caller's thread (small runs)
// or in a thread of its own (src/run/judge-thread.ts), so both give the same findings.
import { join } from "node:path";
import type { DomainEvidence } from "../evidence/domain.js";
import type { Evidence, ResolverEvidence } from "../evidence/evidence.js";
import type { Finding, Findings, LeanFinding, RuleFields } from "../evidence/findings.js";
import type { MxHostEvidence } from "../evidence/mx-host.js";
import type { TenantEvidence } from "../evidence/tenant.js";
import type { RulesOptions } from "../evaluate.js";
import { NO_INCONSISTENCIES } from "../rules/consistency.js";
import { bySubject, type Evaluation } from "../rules/evaluate.js";
import { SCOPES } from "../rules/rule-schema.js";
import { Spool, type SpoolIndex } from "./spool.js";

/** What a judge needs to start: plain data, so that it can cross to another thread. */
export interface JudgeInit {
  /** The run's spool folder: the judge writes domains.jsonl and findings.jsonl in it. */
  folder: string;
  /** Where the rules come from (a judge in its own thread loads them again from the same files). */
  rules: RulesOptions;
  /** The clock the waivers are judged by. */
  now: Date;
  resolver: ResolverEvidence;
  tenant: TenantEvidence | null;
}

/** What a judge hands back at the end: the findings' head, the subjects that are not domains, and where the domains are on disk. */
export interface Judged {
  head: Omit<Findings, "findings">;
  /** Findings of the MX hosts, the tenant, its connectors and the messages, by subject. */
  rest: Map<string, Finding[]>;
  /** Each rule's own fields, put back into its lean findings on reading. */
  ruleFields: Map<string, RuleFields>;
  /** The domains' evidence (domains.jsonl) and findings (findings.jsonl), by domain name. */
  domains: SpoolIndex;
  findings: SpoolIndex;
}

export interface DomainJudge {
  /** Judges one domain and writes it to disk; a promise when the caller should wait before sending more. */
  domain(domain: DomainEvidence, mxHosts: Record<string, MxHostEvidence>): void | Promise<void>;
  /** Judges the rest, with the evidence's head (every MX host, the messages); `names` are the domains in evidence order. */
  finish(head: Omit<Evidence, "domains">, names: string[]): Promise<Judged>;
  /** Stops without results (the run failed): files are left for the caller to delete. */
  abort(): void;
}

export const DOMAINS_FILE = "domains.jsonl";
export const FINDINGS_FILE = "findings.jsonl";

/** A judge in this thread. */
export function localJudge(init: JudgeInit, evaluation: Evaluation): DomainJudge & { finishNow(head: Omit<Evidence, "domains">, names: string[]): Judged } {
  const evidenceSpool = new Spool<DomainEvidence>(join(init.folder, DOMAINS_FILE));
  const findingsSpool = new Spool<LeanFinding[]>(join(init.folder, FINDINGS_FILE));
  const ruleFields = new Map<string, RuleFields>();
  const lean = (fs: Finding[]): LeanFinding[] => fs.map(({ title, severity, control, references, crosswalk, ...own }) => {
    if (!ruleFields.has(own.ruleId)) ruleFields.set(own.ruleId, { title, severity, control, references, ...(crosswalk ? { crosswalk } : {}) });
    return own;
  });
  const close = () => {
    evidenceSpool.close();
    findingsSpool.close();
  };
  const finishNow = (head: Omit<Evidence, "domains">, names: string[]): Judged => {
    // The tenant's rules read every domain (its accepted ones among them): read back for them alone.
    const forRest = { ...head, domains: init.tenant ? Object.fromEntries(names.filter((n) => evidenceSpool.has(n)).map((n) => [n, evidenceSpool.get(n)!])) : {} } as Evidence;
    const rest = bySubject(SCOPES.filter((s) => s !== "domain").flatMap((scope) => evaluation.judgeScope(scope, forRest, NO_INCONSISTENCIES)));
    for (const fs of rest.values()) evaluation.record(fs);
    close();
    return { head: evaluation.head(head), rest, ruleFields, domains: evidenceSpool.records, findings: findingsSpool.records };
  };
  return {
    domain(domain, mxHosts) {
      // What a domain's rules see is what they would see in the whole evidence file: the domain,
      // the MX hosts it names, the tenant and the resolver (src/rules/subjects.ts).
      const one = { resolver: init.resolver, tenant: init.tenant, domains: { [domain.name]: domain }, mxHosts } as unknown as Evidence;
      const findings = bySubject(evaluation.judgeScope("domain", one, NO_INCONSISTENCIES));
      for (const fs of findings.values()) evaluation.record(fs);
      evidenceSpool.put(domain.name, domain);
      findingsSpool.put(domain.name, lean(findings.get(`domain:${domain.name}`) ?? []));
    },
    finish: async (head, names) => finishNow(head, names),
    finishNow,
    abort: close,
  };
}
