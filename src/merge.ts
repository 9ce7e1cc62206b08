// `exo-posture merge`: the runs of one domain list's shards (assess --shard k/n, src/run/shard.ts)
// made into one run, judged again offline and written as one set of reports, as if the list had
// been assessed whole. Every shard of n must be there exactly once: a missing shard's domains
// would be missing from the reports, and a report that silently leaves domains out reads cleaner
// than the run was. An MX host probed in two shards is fine, and the merged host serves the
// domains of both; where the shards saw it differently (its verdicts differ), the merge says so
// and keeps what the worse-off shard saw.
import { join } from "node:path";
import type { Evidence } from "./evidence/evidence.js";
import type { Finding, Findings } from "./evidence/findings.js";
import type { MxHostEvidence } from "./evidence/mx-host.js";
import { type Rules, type RulesOptions, loadRules } from "./evaluate.js";
import { InputError } from "./input/errors.js";
import { readEvidence } from "./input/evidence-file.js";
import { viewOf } from "./report/view.js";
import { FORMATS, type Format, type ReportFailure, writeReportsKeeping } from "./report/write.js";

export interface MergeOptions extends RulesOptions {
  /** The output folders of the shards' runs (each holding its evidence.json). */
  dirs: string[];
  outDir: string;
  formats?: Format[];
  now?: Date;
}

export interface MergeResult {
  evidence: Evidence;
  findings: Findings;
  files: string[];
  rules: Rules;
  /** What the shards disagreed on (also in the findings' notes). */
  disagreements: string[];
  reportFailures?: ReportFailure[];
}

export async function mergeRuns(o: MergeOptions): Promise<MergeResult> {
  if (o.dirs.length === 0) throw new InputError("merge: give the output folders of the shards' runs");
  const rules = loadRules(o);
  const shards: { dir: string; evidence: Evidence }[] = [];
  for (const dir of o.dirs) shards.push({ dir, evidence: await readEvidence(join(dir, "evidence.json")) });
  requireEveryShard(shards);
  const { evidence, disagreements } = mergeEvidence(shards.map((s) => s.evidence), rules, o.now);
  const judged = rules.evaluate(evidence, o.now);
  const findings = { ...judged, notes: [...judged.notes, ...disagreements] };
  const { files, failures } = await writeReportsKeeping(o.outDir, o.formats ?? FORMATS, viewOf(evidence, findings));
  return { evidence, findings, files, rules, disagreements, ...(failures.length > 0 ? { reportFailures: failures } : {}) };
}

const label = (e: Evidence) => (e.shard ? `${e.shard.index}/${e.shard.count}` : "an unsharded run");

/** Each shard k of n once, all of the same n: otherwise one line saying which are missing or doubled. */
function requireEveryShard(shards: { dir: string; evidence: Evidence }[]): void {
  const unsharded = shards.find((s) => !s.evidence.shard);
  if (unsharded) throw new InputError(`merge: ${unsharded.dir} holds a run of a whole list, not a shard (assess --shard k/n)`);
  const count = shards[0]!.evidence.shard!.count;
  const other = shards.find((s) => s.evidence.shard!.count !== count);
  if (other) throw new InputError(`merge: ${other.dir} is shard ${label(other.evidence)}, but ${shards[0]!.dir} is ${label(shards[0]!.evidence)}: shards of different splits do not make one list`);
  const seen = new Map<number, string>();
  for (const s of shards) {
    const k = s.evidence.shard!.index;
    const before = seen.get(k);
    if (before) throw new InputError(`merge: ${before} and ${s.dir} are both shard ${k}/${count}`);
    seen.set(k, s.dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new InputError(`merge: shard${missing.length > 1 ? "s" : ""} ${missing.map((k) => `${k}/${count}`).join(", ")} missing: without ${missing.length > 1 ? "them" : "it"} the reports would leave out ${missing.length > 1 ? "their" : "its"} domains`);
}

/**
 * One evidence from the shards': every domain (each in one shard), every MX host (a host in several
 * shards serves the domains of all of them), the tenant and messages of the first shard, the
 * earliest collection time and the queries of all.
 */
export function mergeEvidence(shards: Evidence[], rules: Rules, now?: Date): { evidence: Evidence; disagreements: string[] } {
  const disagreements: string[] = [];
  const first = shards[0]!;
  const domains: Evidence["domains"] = {};
  const mxHosts: Record<string, MxHostEvidence> = {};
  const seenIn = new Map<string, Evidence>();
  // A host's verdicts, judged once for each shard's view of it (a host in three shards is compared twice).
  const judged = new WeakMap<MxHostEvidence, Map<string, Finding["status"]>>();
  const verdicts = (host: string, h: MxHostEvidence) => {
    let v = judged.get(h);
    if (!v) judged.set(h, (v = hostVerdicts(host, h, rules, now)));
    return v;
  };
  for (const e of shards) {
    for (const name of Object.keys(e.domains)) {
      if (name in domains) throw new InputError(`merge: ${name} is in shard ${label(seenIn.get(name)!)} and in shard ${label(e)}`);
      domains[name] = e.domains[name]!;
      seenIn.set(name, e);
    }
    for (const [host, h] of Object.entries(e.mxHosts)) {
      const known = mxHosts[host];
      if (!known) {
        mxHosts[host] = h;
        seenIn.set(`mx:${host}`, e);
        continue;
      }
      const kept = seenIn.get(`mx:${host}`)!;
      const a = verdicts(host, known);
      const b = verdicts(host, h);
      const differ = [...new Set([...a.keys(), ...b.keys()])].filter((rule) => a.get(rule) !== b.get(rule)).sort();
      let chosen = known;
      if (differ.length > 0) {
        const worse = badness(b) > badness(a);
        if (worse) {
          chosen = h;
          seenIn.set(`mx:${host}`, e);
        }
        disagreements.push(`The shards saw MX host ${host} differently (${differ.map((r) => `${r}: ${a.get(r) ?? "absent"} in shard ${label(kept)}, ${b.get(r) ?? "absent"} in shard ${label(e)}`).join("; ")}): the merge keeps what shard ${label(worse ? e : kept)} saw, the worse, for every domain that names it.`);
      }
      const merged = { ...chosen, domains: [...new Set([...known.domains, ...h.domains])].sort() };
      judged.set(merged, verdicts(host, chosen));
      mxHosts[host] = merged;
    }
    if (e !== first && JSON.stringify(e.resolver) !== JSON.stringify(first.resolver)) {
      disagreements.push(`Shard ${label(e)} used another resolver (${e.resolver.spec}, ${e.resolver.validatesDnssec ? "validating" : "not validating"} DNSSEC) than shard ${label(first)} (${first.resolver.spec}): the merged evidence names the first.`);
    }
    if (e !== first && (e.tenant === null) !== (first.tenant === null)) {
      disagreements.push(`Shard ${label(e)} ${e.tenant ? "collected" : "did not collect"} the tenant and shard ${label(first)} ${first.tenant ? "did" : "did not"}: the merged evidence takes the tenant from the first shard that has it.`);
    }
  }
  const sorted = Object.fromEntries(Object.keys(domains).sort().map((n) => [n, domains[n]!]));
  const hosts = Object.fromEntries(Object.keys(mxHosts).sort().map((n) => [n, mxHosts[n]!]));
  const evidence: Evidence = {
    format: first.format,
    tool: first.tool,
    collectedAt: shards.map((e) => e.collectedAt).sort()[0]!,
    resolver: first.resolver,
    tenant: shards.find((e) => e.tenant)?.tenant ?? null,
    domains: sorted,
    mxHosts: hosts,
    messages: Object.assign({}, ...shards.map((e) => e.messages ?? {})) as Evidence["messages"],
    stats: {
      // The shards ran side by side: the longest is the run's duration; the queries add up.
      durationMs: Math.max(...shards.map((e) => e.stats.durationMs)),
      dnsQueries: sum(shards.map((e) => e.stats.dnsQueries)),
      dnsSent: sum(shards.map((e) => e.stats.dnsSent)),
      dnsCacheHits: sum(shards.map((e) => e.stats.dnsCacheHits)),
      dnsInflightJoins: sum(shards.map((e) => e.stats.dnsInflightJoins)),
    },
  };
  return { evidence, disagreements };
}

/** The verdicts of one MX host's own rules, judged alone (what "the shards agree on it" means). */
function hostVerdicts(host: string, h: MxHostEvidence, rules: Rules, now?: Date): Map<string, Finding["status"]> {
  const alone: Evidence = {
    format: "exo-posture-evidence/1", tool: { name: "", version: "" }, collectedAt: "", tenant: null, domains: {}, mxHosts: { [host]: h },
    resolver: { spec: "", kind: "udp", server: "", validatesDnssec: null, validationDetail: "" },
    stats: { durationMs: 0, dnsQueries: 0, dnsSent: 0, dnsCacheHits: 0, dnsInflightJoins: 0 },
  };
  const subject = `mx:${host}`;
  return new Map(rules.evaluate(alone, now).findings.filter((f) => f.subject === subject).map((f) => [f.ruleId, f.status]));
}

const WEIGHT: Partial<Record<Finding["status"], number>> = { error: 3, fail: 2, warn: 1 };

function badness(verdicts: Map<string, Finding["status"]>): number {
  let n = 0;
  for (const s of verdicts.values()) n += WEIGHT[s] ?? 0;
  return n;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
