// The judge's own thread (src/run/judge-thread.ts): loads the rules from the same files as the run
// and judges what the probes send, with the same judge as a small run (src/run/judge.ts).
import { parentPort, workerData } from "node:worker_threads";
import type { DomainEvidence } from "../evidence/domain.js";
import type { Evidence } from "../evidence/evidence.js";
import type { MxHostEvidence } from "../evidence/mx-host.js";
import { loadRules } from "../evaluate.js";
import { type JudgeInit, localJudge } from "./judge.js";
import type { FromJudge, ToJudge } from "./judge-thread.js";

const port = parentPort!;
const send = (m: FromJudge) => port.postMessage(m);
try {
  const init = workerData as JudgeInit;
  const judge = localJudge(init, loadRules(init.rules).start(init.now, init.tenant !== null));
  const hosts = new Map<string, MxHostEvidence>();
  port.on("message", (m: ToJudge) => {
    try {
      if (m.t === "host") hosts.set(m.name, m.evidence);
      else if (m.t === "domain") {
        const mxHosts: Record<string, MxHostEvidence> = {};
        for (const h of m.hosts) mxHosts[h] = hosts.get(h)!;
        judge.domain(m.domain as DomainEvidence, mxHosts);
        send({ t: "judged" });
      } else {
        send({ t: "done", judged: judge.finishNow(m.head as Omit<Evidence, "domains">, m.names) });
      }
    } catch (err) {
      judge.abort();
      send({ t: "failed", message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) });
    }
  });
} catch (err) {
  send({ t: "failed", message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) });
}
