// Rule conditions in CEL (@bufbuild/cel): compiled once at load, evaluated per subject. CEL is
// side-effect free and cannot reach the network or the file system, so a rule file is data, not code.
import { type CelInput, type CelValue, celEnv, isCelError, isCelList, isCelMap, parse, plan } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { lists } from "./cel-lists.js";

const env = celEnv({ funcs: [...strings, ...lists] });

export type Program = (bindings: Record<string, CelInput>) => CelValue | Error;

/**
 * The budget of one evaluation. @bufbuild/cel has no cost limit, and a pack may hold a condition
 * whose work grows exponentially (nested `.all()` over lists): that hung `assess` and `rules
 * validate` (issue 23, case 6). So every comprehension's loop condition is rewritten at compile
 * time to read a guard first (`__budget__ && <condition>`); reading it counts one loop step, and
 * past the budget it throws, which @bufbuild/cel turns into an error value for the whole
 * expression. The rule is then `error` with RULE_BUDGET, never a verdict. The steps bound is
 * deterministic; the time bound only backs it up on a slow machine.
 */
export const CEL_BUDGET = { steps: 1_000_000, ms: 2_000 };
const GUARD = "__budget__";

let depth = 0;
let steps = 0;
let until = 0;
const guard = {
  get(): boolean {
    steps++;
    if (steps > CEL_BUDGET.steps || ((steps & 1023) === 0 && performance.now() > until)) {
      throw new Error(`stopped after ${steps} loop steps: over the evaluation budget of ${CEL_BUDGET.steps} steps or ${CEL_BUDGET.ms} ms (RULE_BUDGET)`);
    }
    return true;
  },
};

/** Throws with CEL's own message (which gives the column) when the expression does not parse. */
export function compile(source: string): Program {
  const parsed = parse(source);
  guardLoops(parsed.expr);
  const program = plan(env, parsed);
  return (bindings) => {
    // One budget for a top-level evaluation, including the `let` bindings it reads on the way.
    if (depth === 0) {
      steps = 0;
      until = performance.now() + CEL_BUDGET.ms;
    }
    depth++;
    try {
      // Bindings made by letScope carry the guard already (withBudgetGuard); others get it here.
      const guarded = GUARD in bindings ? bindings : Object.create(bindings, { [GUARD]: guard });
      return program(guarded as never) as CelValue | Error;
    } finally {
      depth--;
    }
  };
}

/** Puts the budget guard on a bindings object once, instead of wrapping it at every evaluation. */
export function withBudgetGuard<T extends object>(bindings: T): T {
  return Object.defineProperty(bindings, GUARD, guard);
}

let guardId = 1n << 40n;
function guardLoops(e: Expr | undefined): void {
  if (!e) return;
  const k = e.exprKind;
  switch (k.case) {
    case "selectExpr":
      return guardLoops(k.value.operand);
    case "callExpr":
      guardLoops(k.value.target);
      for (const a of k.value.args) guardLoops(a);
      return;
    case "listExpr":
      for (const a of k.value.elements) guardLoops(a);
      return;
    case "structExpr":
      for (const entry of k.value.entries) {
        if (entry.keyKind.case === "mapKey") guardLoops(entry.keyKind.value);
        guardLoops(entry.value);
      }
      return;
    case "comprehensionExpr": {
      const c = k.value;
      for (const part of [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result]) guardLoops(part);
      // `__budget__ && x` is x while the guard reads true: the macro's meaning is unchanged.
      const and = parse(`${GUARD} && x`).expr!;
      const call = and.exprKind as { case: "callExpr"; value: { args: Expr[] } };
      and.id = guardId++;
      call.value.args[0]!.id = guardId++;
      call.value.args[1] = c.loopCondition!;
      c.loopCondition = and;
      return;
    }
    default:
      return;
  }
}

/** The catalogue code of a failed evaluation: RULE_BUDGET when the budget stopped it, else INTERNAL. */
export function failureCause(reason: string): "RULE_BUDGET" | "INTERNAL" {
  return reason.includes("RULE_BUDGET") ? "RULE_BUDGET" : "INTERNAL";
}

/**
 * JSON evidence into CEL values: objects become maps, so `has()`, `in` and field access work.
 * `cache` (by object identity) shares the conversion of what many subjects read, such as the
 * tenant's evidence: CEL never changes a value, so one converted copy serves them all.
 */
export function toCel(value: unknown, cache?: Map<object, CelInput>): CelInput {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object") return value as CelInput;
  const seen = cache?.get(value);
  if (seen !== undefined) return seen;
  const out: CelInput = Array.isArray(value)
    ? value.map((v) => toCel(v, cache))
    : new Map(Object.entries(value as object).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toCel(v, cache)]));
  cache?.set(value, out);
  return out;
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
  return { parts: templateParts(source).map((p) => (typeof p === "string" ? p : compile(p.cel))) };
}

/** A template split into its text and the CEL source of each `{{ }}`. */
export function templateParts(source: string): (string | { cel: string })[] {
  const parts: (string | { cel: string })[] = [];
  let rest = source;
  for (let i = rest.indexOf("{{"); i >= 0; i = rest.indexOf("{{")) {
    const end = rest.indexOf("}}", i);
    if (end < 0) throw new Error("a {{ has no closing }}");
    if (i > 0) parts.push(rest.slice(0, i));
    parts.push({ cel: rest.slice(i + 2, end).trim() });
    rest = rest.slice(end + 2);
  }
  if (rest) parts.push(rest);
  return parts;
}

type Expr = ReturnType<typeof parse>["expr"];

/**
 * The free names an expression reads (variables and bindings), without the loop variables its
 * macros introduce (`g` in `gateways.map(g, g.name)`), so the loader can check what `let` names are used.
 */
export function identifiers(source: string): Set<string> {
  const out = new Set<string>();
  walk(parse(source).expr, new Set(), out);
  return out;
}

function walk(e: Expr | undefined, locals: Set<string>, out: Set<string>): void {
  if (!e) return;
  const k = e.exprKind;
  switch (k.case) {
    case "identExpr":
      if (!locals.has(k.value.name)) out.add(k.value.name);
      return;
    case "selectExpr":
      return walk(k.value.operand, locals, out);
    case "callExpr":
      walk(k.value.target, locals, out);
      for (const a of k.value.args) walk(a, locals, out);
      return;
    case "listExpr":
      for (const a of k.value.elements) walk(a, locals, out);
      return;
    case "structExpr":
      for (const entry of k.value.entries) {
        if (entry.keyKind.case === "mapKey") walk(entry.keyKind.value, locals, out);
        walk(entry.value, locals, out);
      }
      return;
    case "comprehensionExpr": {
      const c = k.value;
      walk(c.iterRange, locals, out);
      walk(c.accuInit, locals, out);
      const inner = new Set([...locals, c.iterVar, c.iterVar2, c.accuVar].filter((v) => v !== ""));
      for (const part of [c.loopCondition, c.loopStep, c.result]) walk(part, inner, out);
      return;
    }
    default:
      return;
  }
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
