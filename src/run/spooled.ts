// A whole run in flat memory: each domain is judged as soon as its evidence and its MX hosts' are
// complete, its evidence and findings go to disk (spool.ts), and it is forgotten. The judge
// (src/run/judge.ts) runs beside the probes, in this thread or, for large runs, its own. What stays in
// memory is what the reports need whole and what grows only with unique names: the MX hosts'
// evidence, the tenant, the subjects that are not domains, the summary's counters, the policy
// view and the errors (every unknown is reported). Reports read the rest back a domain at a time
// through the view (src/report/view.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { DomainEvidence } from "../evidence/domain.js";
import type { Evidence } from "../evidence/evidence.js";
import type { MxHostEvidence } from "../evidence/mx-host.js";
import type { Findings } from "../evidence/findings.js";
import { requireResolver } from "../dns/validation.js";
import type { ProbeContext } from "../probe/context.js";
import { type ProbeRunOptions, streamProbes } from "../probe/run.js";
import type { ReportInput } from "../report/view.js";
import type { Rules, RulesOptions } from "../evaluate.js";
import type { DomainTarget } from "../targets.js";
import { type DomainJudge, type JudgeInit, localJudge } from "./judge.js";
import { threadJudge } from "./judge-thread.js";
import { openSpooledRun, type SpooledRunData } from "./spooled-view.js";

export interface SpooledRun {
  /** The run as plain data: another thread opens the same view from it (openSpooledRun). */
  data: SpooledRunData;
  /** The run as the reports read it: the evidence (domains read from disk on access) and the findings by subject. */
  view: ReportInput;
  /** Everything as one evidence object and one findings object, read back from disk: for callers that want them whole. */
  materialize(): { evidence: Evidence; findings: Findings };
  /** Deletes the files on disk; the view cannot be read after. */
  remove(): void;
}

/** How the run is judged: the rules (loaded already) and, for a judge in its own thread, where they came from. */
export interface Judging {
  rules: Rules;
  /** The files the rules were loaded from: a judge in its own thread loads them again. */
  from: RulesOptions;
  now: Date;
  /** Judge in a thread of its own (src/run/judge-thread.ts): for large runs, where the second core is worth its start-up. */
  thread: boolean;
}

/** Called with each domain as it is handed to the judge (progress). */
export type DomainWatch = (domain: DomainEvidence, mxHosts: Record<string, MxHostEvidence>) => void;

export async function spooledRun(
  targets: DomainTarget[], ctx: ProbeContext, options: ProbeRunOptions, judging: Judging, dir: string, watch?: DomainWatch,
): Promise<SpooledRun> {
  const folder = mkdtempSync(join(dir, ".exo-posture-spool-"));
  let judge: DomainJudge | null = null;
  let closeView = () => {};
  const remove = () => {
    LIVE.delete(remove);
    judge?.abort();
    closeView();
    rmSync(folder, { recursive: true, force: true });
  };
  // Gone when the process exits, however it exits (a second Ctrl-C included), unless removed first.
  removeAtExit(remove);
  try {
    const tenant = options.tenant ?? null;
    // A resolver that does not answer at all stops the run here (ResolverUnavailableError).
    const validation = options.validation ?? (await requireResolver(ctx.resolver));
    const resolver = { ...ctx.resolver.info, validatesDnssec: validation.validates, validationDetail: validation.detail };
    const init: JudgeInit = { folder, rules: judging.from, now: judging.now, resolver, tenant };
    const started = judging.thread ? threadJudge(init) : localJudge(init, judging.rules.start(judging.now, tenant !== null));
    judge = started;
    const run = await streamProbes(targets, ctx, { ...options, validation }, (domain, mxHosts) => {
      const handed = started.domain(domain, mxHosts);
      watch?.(domain, mxHosts);
      return handed;
    });
    const judged = await started.finish(run.head, targets.map((t) => t.name));
    const names = targets.map((t) => t.name).filter((n) => judged.domains.has(n));
    const data: SpooledRunData = { folder, head: run.head, judged, names };
    const opened = openSpooledRun(data);
    closeView = opened.close;
    return { data, view: opened.view, materialize: opened.materialize, remove };
  } catch (err) {
    remove();
    throw err;
  }
}


/** The removers of runs whose files are on disk: run when the process exits (one listener for them all). */
const LIVE = new Set<() => void>();

function removeAtExit(remove: () => void): void {
  if (!process.listeners("exit").includes(removeLive)) process.on("exit", removeLive);
  LIVE.add(remove);
}

function removeLive(): void {
  for (const remove of [...LIVE]) remove();
}
