// The second thread of a large run's reports (src/run/report-thread.ts): opens the spooled run and
// writes its share of the formats.
import { parentPort, workerData } from "node:worker_threads";
import { writeFormats } from "../report/write.js";
import type { ReportThreadJob, Written } from "./report-thread.js";
import { openSpooledRun } from "./spooled-view.js";

const job = workerData as ReportThreadJob;
const run = openSpooledRun(job.data);
try {
  const written: Written = await writeFormats(job.outDir, job.formats, run.view);
  parentPort!.postMessage(written);
} finally {
  run.close();
}
