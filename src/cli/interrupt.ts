// Ctrl-C (SIGINT) and a scheduler's SIGTERM during a run: the first stops new work and lets the
// run write what it has (src/probe/deadline.ts cuts off what is in flight, with RUN_INTERRUPTED),
// then the process exits 130 (SIGINT) or 143 (SIGTERM), 128 + the signal's number as shells do;
// a second one exits at once (the run's hidden spool folder is removed on the way out). assess
// gives any abort of its `signal` the code RUN_INTERRUPTED.

export interface Interrupt {
  signal: AbortSignal;
  /** Set once a signal came: the code the process exits with. */
  readonly exitCode: number | undefined;
  /** The handlers removed: the run is over. */
  stop(): void;
}

const CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export function interruptOnSignals(log: (message: string) => void): Interrupt {
  const controller = new AbortController();
  let exitCode: number | undefined;
  const on = (name: keyof typeof CODES) => () => {
    if (exitCode !== undefined) {
      log(`${name} again: quitting at once, without reports`);
      process.exit(exitCode);
    }
    exitCode = CODES[name];
    log(`${name === "SIGINT" ? "interrupted (Ctrl-C)" : "SIGTERM"}: no new work is started and what is in flight is cut off; the reports are written with what the run has, the rest as error (RUN_INTERRUPTED). ${name === "SIGINT" ? "Ctrl-C" : "SIGTERM"} again quits at once.`);
    controller.abort();
  };
  const handlers = { SIGINT: on("SIGINT"), SIGTERM: on("SIGTERM") };
  process.on("SIGINT", handlers.SIGINT);
  process.on("SIGTERM", handlers.SIGTERM);
  return {
    signal: controller.signal,
    get exitCode() {
      return exitCode;
    },
    stop() {
      process.off("SIGINT", handlers.SIGINT);
      process.off("SIGTERM", handlers.SIGTERM);
    },
  };
}
