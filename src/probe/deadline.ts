// The run deadline (assess --deadline). When it passes, every network step still open is cut off
// and every new one fails at once with RUN_DEADLINE, so the probes finish within moments and record
// what they could not find out as evidence errors; the rules make those `error`, never pass, and
// the reports are written with everything that finished before.
import { setMaxListeners } from "node:events";
import type { ErrorCode } from "../evidence/errors.js";

export interface RunDeadline {
  /** Aborted when the deadline passes; its reason is a RUN_DEADLINE error. */
  signal: AbortSignal;
  /** Stops the clock (the run finished first), so no timer keeps the process alive. */
  clear(): void;
}

export function deadlineError(message: string): Error & { code: ErrorCode } {
  return Object.assign(new Error(message), { code: "RUN_DEADLINE" as const });
}

export function startDeadline(ms: number, onPassed: () => void = () => {}): RunDeadline {
  const controller = new AbortController();
  // Every open network step listens on it; thousands may, which is not a leak.
  setMaxListeners(0, controller.signal);
  const timer = setTimeout(() => {
    onPassed();
    controller.abort(deadlineError(`the run deadline (${ms} ms) passed before this step finished`));
  }, ms);
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/** The deadline's reason as a message, for errors made where it cuts in. */
export function deadlineMessage(signal: AbortSignal): string {
  const reason = signal.reason as { message?: unknown } | undefined;
  return typeof reason?.message === "string" ? reason.message : "the run deadline passed";
}
