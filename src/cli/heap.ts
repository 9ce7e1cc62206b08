// How far the heap may grow past what is live. A run allocates fast (every DNS answer, certificate
// and finding is made and dropped within a second) while what it keeps is small and flat: the
// live heap of a 5,000-domain run stays near 60 MB (src/run/spooled.ts). V8 sizes the next
// collection from the live heap times a growing factor it picks by allocation speed, up to
// several times, so the heap of that run swelled to 300+ MB of garbage and the process to 570 MB
// at 10,000 domains. A fixed factor of 1.5 (V8's --heap-growing-percent: "specifies heap growing
// factor as (1 + heap_growing_percent/100)", `node --v8-options`) collects sooner: 322 MB at
// 10,000 domains, with CPU time within the machine's run-to-run spread (measured with npm run bench).
// With the second thread (src/run/judge-thread.ts) two or three heaps each keep that headroom: 1.25
// brought 50,000 domains from 414 to 364 MB and 10,000 from 368 to 341 MB, in about the same time.
// The flag is process-wide and read at each collection, so setting it when a run starts is enough
// (worker threads started later collect by it too).
import { setFlagsFromString } from "node:v8";

export const HEAP_GROWING_PERCENT = 25;

export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
