// The judge in a thread of its own (src/run/judge-thread-worker.ts), for large runs: judging (the
// rules in CEL, the spool's writes) was a third of a 10,000-domain run's CPU, on the same thread
// as the probes, while the machine's second core stood idle. The probes stay here; each domain
// crosses once (structured clone), each MX host's evidence once however many domains name it.
import { Worker } from "node:worker_threads";
import type { MxHostEvidence } from "../evidence/mx-host.js";
import type { DomainJudge, JudgeInit, Judged } from "./judge.js";

/** Domains sent and not yet judged, at most: past it the probes wait, so memory does not grow when the judge is slower. */
const MAX_IN_FLIGHT = 256;

export type ToJudge =
  | { t: "host"; name: string; evidence: MxHostEvidence }
  | { t: "domain"; domain: unknown; hosts: string[] }
  | { t: "finish"; head: unknown; names: string[] };

export type FromJudge =
  | { t: "judged" }
  | { t: "done"; judged: Judged }
  | { t: "failed"; message: string; stack?: string };

export function threadJudge(init: JudgeInit): DomainJudge {
  const worker = new Worker(new URL("./judge-thread-worker.js", import.meta.url), { workerData: init });
  let inFlight = 0;
  let failure: Error | null = null;
  let finished: { resolve: (j: Judged) => void; reject: (e: Error) => void } | null = null;
  let ended = false;
  const waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
  // The host evidence the judge holds, by name: sent again only if it is a different object.
  const sent = new Map<string, MxHostEvidence>();

  const fail = (err: Error) => {
    if (failure || ended) return;
    failure = err;
    for (const w of waiting.splice(0)) w.reject(err);
    finished?.reject(err);
    void worker.terminate();
  };
  worker.on("message", (m: FromJudge) => {
    if (m.t === "judged") {
      inFlight--;
      if (inFlight < MAX_IN_FLIGHT) for (const w of waiting.splice(0)) w.resolve();
    } else if (m.t === "done") {
      ended = true;
      finished?.resolve(m.judged);
      void worker.terminate();
    } else {
      const err = new Error(m.message);
      if (m.stack) err.stack = m.stack;
      fail(err);
    }
  });
  worker.on("error", (err) => fail(err instanceof Error ? err : new Error(String(err))));
  worker.on("exit", (code) => fail(new Error(`the judge's thread stopped before the run ended (exit code ${code})`)));

  return {
    domain(domain, mxHosts) {
      if (failure) throw failure;
      for (const [name, evidence] of Object.entries(mxHosts)) {
        if (sent.get(name) === evidence) continue;
        sent.set(name, evidence);
        worker.postMessage({ t: "host", name, evidence } satisfies ToJudge);
      }
      worker.postMessage({ t: "domain", domain, hosts: Object.keys(mxHosts) } satisfies ToJudge);
      inFlight++;
      if (inFlight < MAX_IN_FLIGHT) return;
      return new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
    },
    finish(head, names) {
      if (failure) return Promise.reject(failure);
      return new Promise<Judged>((resolve, reject) => {
        finished = { resolve, reject };
        worker.postMessage({ t: "finish", head, names } satisfies ToJudge);
      });
    },
    abort() {
      fail(new Error("the run stopped"));
    },
  };
}
