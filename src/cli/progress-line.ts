// The live line on a terminal while a run goes: domains done of the total, the rate, the time
// left, and how many had something that could not be found out. Written to stderr over itself
// (a carriage return and "erase line", ECMA-48 EL), at most ten times a second; nothing of it when
// stderr is not a terminal, with --quiet, or under CI, so logs and pipes get no control characters.
// A dozen lines of our own rather than a progress-bar library: the line is one string, and a
// dependency would be loaded by every command's start-up.
import type { ProgressEvent } from "../index.js";
import { writeControl } from "./terminal.js";

export interface ProgressLine {
  /** A domain done: the line is redrawn (throttled). */
  update(event: ProgressEvent & { kind: "domain" }): void;
  /** A message above the line: the line is erased, the message written, the line drawn again. */
  log(message: string): void;
  /** The line erased for good. */
  clear(): void;
}

const EVERY_MS = 100;
const ERASE = "\r\x1b[2K";

export function progressLine(out: NodeJS.WriteStream, now: () => number = Date.now): ProgressLine {
  const started = now();
  let last = 0;
  let shown = "";
  let latest: (ProgressEvent & { kind: "domain" }) | null = null;
  const draw = () => {
    if (!latest) return;
    shown = lineOf(latest, (now() - started) / 1000, out.columns ?? 80);
    writeControl(out, ERASE);
    out.write(shown);
  };
  return {
    update(event) {
      latest = event;
      const t = now();
      if (t - last < EVERY_MS && event.done < event.total) return;
      last = t;
      draw();
    },
    log(message) {
      if (shown) writeControl(out, ERASE);
      out.write(`${message}\n`);
      if (shown) draw();
    },
    clear() {
      if (shown) writeControl(out, ERASE);
      shown = "";
      latest = null;
    },
  };
}

/** "1,234 / 10,000 domains · 171/s · 0:51 left · 12 with unknowns", cut to the terminal's width. */
export function lineOf(e: { done: number; total: number; unknown: number }, seconds: number, columns: number): string {
  const n = (x: number) => x.toLocaleString("en-GB");
  const rate = seconds > 0 ? e.done / seconds : 0;
  const left = rate > 0 ? (e.total - e.done) / rate : NaN;
  const parts = [
    `${n(e.done)} / ${n(e.total)} domains`,
    rate > 0 ? `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s` : "",
    Number.isFinite(left) && e.done < e.total ? `${clock(left)} left` : "",
    e.unknown > 0 ? `${n(e.unknown)} with unknowns` : "",
  ].filter(Boolean);
  const line = `exo-posture: ${parts.join(" · ")}`;
  return line.length < columns ? line : `${line.slice(0, Math.max(0, columns - 2))}…`;
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** Whether a live line belongs on this stream: a terminal, not --quiet, not under CI. */
export function wantsProgressLine(out: NodeJS.WriteStream, quiet: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && !["", "0", "false"].includes(env.CI.toLowerCase());
  return out.isTTY === true && !quiet && !ci;
}
