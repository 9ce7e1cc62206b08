// The two errors a user can fix: bad input (a file, a name, an option value) and a file that loads
// but says something wrong at a known line. Both end the run with exit 2 and one line, never a stack.

/** Bad input from the user or from a file they gave: the message says what and where. */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** A rule, pack, config or data file that does not load: the message leads with file:line. */
export class LoadError extends Error {
  override readonly name = "LoadError";
  constructor(readonly file: string, readonly line: number | null, readonly reason: string) {
    super(`${file}${line ? `:${line}` : ""}: ${reason}`);
  }
}
