// The run deadline (assess --deadline), and the interrupt (Ctrl-C). When either comes, every
// network step still open is cut off and every new one fails at once with its code (RUN_DEADLINE,
// RUN_INTERRUPTED), so the probes finish within moments and record what they could not find out as
// evidence errors; the rules make those `error`, never pass, and the reports are written with
// everything that finished before.
import { setMaxListeners } from "node:events";
import type { ErrorCode } from "../evidence/errors.js";

export interface RunDeadline {
  /** Aborted when the deadline passes; its reason is a RUN_DEADLINE error. */
  signal: AbortSignal;
  /** Stops the clock (the run finished first), so no timer keeps the process alive. */
  clear(): void;
}

/** The codes of a run cut short: its deadline passed, or it was interrupted. */
export type CutOffCode = "RUN_DEADLINE" | "RUN_INTERRUPTED";

export function deadlineError(message: string): Error & { code: ErrorCode } {
  return Object.assign(new Error(message), { code: "RUN_DEADLINE" as const });
}

/** The reason an interrupted run's signal aborts with. */
export function interruptError(message = "the run was interrupted before this step finished"): Error & { code: ErrorCode } {
  return Object.assign(new Error(message), { code: "RUN_INTERRUPTED" as const });
}

/** Why the run's signal aborted, as the code every step it cut off records. */
export function cutOffCode(signal: AbortSignal): CutOffCode {
  return (signal.reason as { code?: unknown } | undefined)?.code === "RUN_INTERRUPTED" ? "RUN_INTERRUPTED" : "RUN_DEADLINE";
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
  return typeof reason?.message === "string" ? reason.message : cutOffCode(signal) === "RUN_INTERRUPTED" ? "the run was interrupted" : "the run deadline passed";
}
