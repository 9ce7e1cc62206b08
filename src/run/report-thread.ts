// A large run's reports in two threads: the checklist and the page (which share the digest of fix
// groups and the matrix, src/report/digest.ts) in a thread of their own, the rest here, both reading
// the same spooled run (src/run/spooled-view.ts). Writing reads every finding several times over;
// at 10,000 domains that was a third of the run, on one core while the other stood idle.
import { basename } from "node:path";
import { Worker } from "node:worker_threads";
import { prepareOutDir } from "../report/out-dir.js";
import { FORMATS, type Format, REPORT_FORMATS } from "../report/registry.js";
import type { ReportInput } from "../report/view.js";
import { type ReportFailure, removeStale, writeFormats, writeReportsKeeping } from "../report/write.js";
import type { SpooledRunData } from "./spooled-view.js";

/**
 * Past this many domains the reports are written in one thread: the second holds its own digest,
 * index and collector headroom, which grow with the run (measured peak at 50,000 domains: 618 MB
 * with it, 383 MB without; at 10,000 it saves a fifth of the run's time for about 40 MB).
 */
export const REPORT_THREAD_UNTIL = 20_000;

/** The formats the second thread writes. */
const THREAD_FORMATS: readonly Format[] = ["md", "html"];

export interface ReportThreadJob {
  outDir: string;
  formats: Format[];
  data: SpooledRunData;
}

export type Written = { files: string[]; failures: ReportFailure[] };

/** As writeReportsKeeping (src/report/write.ts), with `thread` the reports are shared between two threads. */
export async function writeRunReports(outDir: string, formats: readonly Format[], run: { data: SpooledRunData; view: ReportInput }, thread: boolean): Promise<Written> {
  const there = thread && run.data.names.length <= REPORT_THREAD_UNTIL ? formats.filter((f) => THREAD_FORMATS.includes(f)) : [];
  const here = formats.filter((f) => !there.includes(f));
  if (there.length === 0 || here.length === 0) return writeReportsKeeping(outDir, formats, run.view);
  await prepareOutDir(outDir);
  const away = inThread({ outDir, formats: there, data: run.data });
  const near = await writeFormats(outDir, here, run.view);
  const far = await away;
  const files = [...near.files, ...far.files].sort((a, b) => fileRank(a) - fileRank(b));
  await removeStale(outDir, files);
  return { files, failures: [...near.failures, ...far.failures].sort((a, b) => FORMATS.indexOf(a.format as Format) - FORMATS.indexOf(b.format as Format)) };
}

const FILE_ORDER = REPORT_FORMATS.flatMap((f) => f.files as readonly string[]);
const fileRank = (path: string) => FILE_ORDER.indexOf(basename(path));

/** The job in a thread; a thread that fails takes only its own formats, each reported as not written. */
function inThread(job: ReportThreadJob): Promise<Written> {
  return new Promise((resolve) => {
    let settled = false;
    const failed = (reason: string) => {
      if (settled) return;
      settled = true;
      resolve({ files: [], failures: job.formats.map((format) => ({ format, reason: `the report thread failed: ${reason}` })) });
    };
    const worker = new Worker(new URL("./report-thread-worker.js", import.meta.url), { workerData: job });
    worker.once("message", (m: Written) => {
      settled = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once("error", (err) => failed(err instanceof Error ? err.message : String(err)));
    worker.once("exit", (code) => failed(`it stopped (exit code ${code})`));
  });
}
