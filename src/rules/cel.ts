// Rule conditions in CEL (@bufbuild/cel): compiled once at load, evaluated per subject. CEL is
// side-effect free and cannot reach the network or the file system, so a rule file is data, not code.
import { type CelInput, type CelValue, celEnv, isCelError, isCelList, isCelMap, parse, plan } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";

const env = celEnv({ funcs: strings });

export type Program = (bindings: Record<string, CelInput>) => CelValue | Error;

/** Throws with CEL's own message (which gives the column) when the expression does not parse. */
export function compile(source: string): Program {
  const program = plan(env, parse(source));
  return (bindings) => program(bindings as never) as CelValue | Error;
}

/** JSON evidence into CEL values: objects become maps, so `has()`, `in` and field access work. */
export function toCel(value: unknown): CelInput {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(toCel);
  if (typeof value === "object") {
    return new Map(Object.entries(value as object).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toCel(v)]));
  }
  return value as CelInput;
}

/** CEL values back to plain values, for messages. */
export function fromCel(value: CelValue): unknown {
  if (isCelList(value)) return [...value].map(fromCel);
  if (isCelMap(value)) return Object.fromEntries([...value].map(([k, v]) => [String(k), fromCel(v)]));
  if (typeof value === "bigint") return Number(value);
  return value;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export function evalBool(program: Program, bindings: Record<string, CelInput>): Outcome<boolean> {
  const r = program(bindings);
  if (isCelError(r) || r instanceof Error) return { ok: false, reason: r.message };
  if (typeof r !== "boolean") return { ok: false, reason: `expected true or false, got ${typeof r}` };
  return { ok: true, value: r };
}

/** A message with `{{ expression }}` parts, each compiled once. */
export interface Template { parts: (string | Program)[] }

export function compileTemplate(source: string): Template {
  const parts: (string | Program)[] = [];
  let rest = source;
  for (let i = rest.indexOf("{{"); i >= 0; i = rest.indexOf("{{")) {
    const end = rest.indexOf("}}", i);
    if (end < 0) throw new Error("a {{ has no closing }}");
    if (i > 0) parts.push(rest.slice(0, i));
    parts.push(compile(rest.slice(i + 2, end).trim()));
    rest = rest.slice(end + 2);
  }
  if (rest) parts.push(rest);
  return { parts };
}

export function render(template: Template, bindings: Record<string, CelInput>): string {
  return template.parts
    .map((p) => {
      if (typeof p === "string") return p;
      const r = p(bindings);
      if (isCelError(r) || r instanceof Error) return "(unknown)";
      const v = fromCel(r);
      return Array.isArray(v) ? v.map(String).join(", ") : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
    })
    .join("")
    .trim();
}
