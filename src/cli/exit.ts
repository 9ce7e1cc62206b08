// Exit codes (README): 0 done; 1 done and a finding reached --fail-on; 2 bad usage or bad input;
// 3 the run failed. Errors a user can fix are one line, never a stack trace.
import { ResolverSpecError } from "../dns/resolver-spec.js";
import { InputError } from "../input/errors.js";
import { LoadError } from "../input/errors.js";

export const EXIT = { ok: 0, threshold: 1, usage: 2, failed: 3 } as const;

export class UsageError extends Error {}

export function exitCodeFor(err: unknown): number {
  return err instanceof UsageError || err instanceof InputError || err instanceof LoadError || err instanceof ResolverSpecError
    ? EXIT.usage
    : EXIT.failed;
}

export function reportError(err: unknown): number {
  const code = exitCodeFor(err);
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`exo-posture: ${code === EXIT.usage ? "" : "the run failed: "}${message}\n`);
  if (code === EXIT.failed && process.env.EXO_POSTURE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return code;
}
