// A rule's `let:` bindings at judge time. Each is evaluated lazily, on its first use, and at most
// once per subject; a binding sees the variables and the bindings above it, never the ones below.
// A binding that fails (a CEL error, or it used one that failed) is harmless until something reads
// it: every read is recorded, so the judge can turn the condition or message that read it into
// `error` even where CEL would have absorbed the error (`broken || true`). Unknown never passes.
import { type CelInput, type CelValue, isCelError } from "@bufbuild/cel";
import { type Program, withBudgetGuard } from "./cel.js";

export interface CompiledLet { name: string; program: Program }

export interface LetScope {
  /** The variables and every binding, for `when`, outcomes and templates. */
  vars: Record<string, CelInput>;
  /** Why the first failed binding read since the last call failed, or null; clears the record. */
  takeFailure(): string | null;
}

interface Evaluated { value: CelValue | Error; failure: string | null }

export function letScope(lets: CompiledLet[], base: Record<string, CelInput>): LetScope {
  const memo = new Map<number, Evaluated>();
  const reads: string[] = [];
  const evaluate = (i: number): Evaluated => {
    const l = lets[i]!;
    const before = reads.length;
    const value = l.program(view(i));
    // A binding above it that failed is the cause to report, not the error it led to here.
    const inherited = reads[before];
    if (inherited) return { value, failure: inherited };
    if (isCelError(value) || value instanceof Error) return { value, failure: `the binding ${l.name} could not be evaluated: ${value.message}` };
    return { value, failure: null };
  };
  const read = (i: number): CelInput => {
    let e = memo.get(i);
    if (!e) memo.set(i, (e = evaluate(i)));
    if (e.failure) reads.push(e.failure);
    return e.value as CelInput;
  };
  // The view of binding i holds the bindings above it as getters: CEL's activation reads a name as
  // a property, so a getter is evaluation on first use.
  function view(upTo: number): Record<string, CelInput> {
    const vars: Record<string, CelInput> = { ...base };
    for (let i = 0; i < upTo; i++) Object.defineProperty(vars, lets[i]!.name, { enumerable: true, get: () => read(i) });
    return withBudgetGuard(vars);
  }
  return {
    vars: view(lets.length),
    takeFailure: () => {
      const first = reads[0] ?? null;
      reads.length = 0;
      return first;
    },
  };
}
