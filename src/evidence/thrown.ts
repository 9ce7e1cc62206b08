// Any thrown value as evidence. Probes and collectors catch errors of their own (coded from the
// catalogue) and errors of Node or a library (coded in their vocabulary, or not at all); evidence
// takes only catalogue codes, so a foreign code becomes INTERNAL and is kept at the head of the
// message, where a person still finds it.
import type { EvidenceError } from "./common.js";
import { isErrorCode } from "./errors.js";

/** The code a thrown value carries, whoever coded it; null when it has none. */
export function thrownCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : null;
}

export function thrownMessage(err: unknown): string {
  const message = (err as { message?: unknown } | null | undefined)?.message;
  return typeof message === "string" ? message : String(err);
}

export function thrownError(err: unknown): EvidenceError {
  const code = thrownCode(err);
  const message = thrownMessage(err);
  if (isErrorCode(code)) return { code, message };
  return { code: "INTERNAL", message: code === null ? message : `${code}: ${message}` };
}
