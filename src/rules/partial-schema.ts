// A strict, deep-partial check of a value against a zod 4 schema: the value may leave out any key,
// at any depth, but every key it has must exist in the schema at that place and every value must
// have the schema's type. That is what a rule example's `given` is: only the evidence the rule
// reads, and nothing the probes never write (parse() would strip an unknown key; here it is an error).
// It walks the schema's own definition (`_zod.def`) and hands leaves to zod, so checks such as
// `.int()` or `.min(1)` apply too.
import type { z } from "zod";

export interface SchemaProblem {
  /** Where in the value: keys and array indexes. */
  path: (string | number)[];
  reason: string;
}

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  items?: Schema[];
  rest?: Schema | null;
  keyType?: Schema;
  valueType?: Schema;
  innerType?: Schema;
  options?: Schema[];
  discriminator?: string;
  left?: Schema;
  right?: Schema;
  in?: Schema;
  getter?: () => Schema;
}
interface Schema { _zod: { def: Def } }

export function partialProblems(schema: z.ZodType, value: unknown): SchemaProblem[] {
  return walk(schema as unknown as Schema, value, []);
}

function walk(schema: Schema, value: unknown, path: (string | number)[]): SchemaProblem[] {
  const def = schema._zod.def;
  const problem = (reason: string): SchemaProblem[] => [{ path, reason }];
  switch (def.type) {
    case "optional":
      return value === undefined ? [] : walk(def.innerType!, value, path);
    case "nullable":
      return value === null ? [] : walk(def.innerType!, value, path);
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return walk(def.innerType!, value, path);
    // Evidence is checked as the schema reads it: a pipe by its input side.
    case "pipe":
      return walk(def.in!, value, path);
    case "transform":
    case "unknown":
    case "any":
      return [];
    case "lazy":
      return walk(def.getter!(), value, path);
    case "object": {
      if (!isPlainObject(value)) return problem(`expected an object, got ${describe(value)}`);
      const shape = def.shape ?? {};
      const open = def.catchall && def.catchall._zod.def.type !== "never" ? def.catchall : null;
      return Object.entries(value).flatMap(([k, v]) => {
        const field = Object.hasOwn(shape, k) ? shape[k]! : open;
        if (!field) return [{ path: [...path, k], reason: `the evidence has no such key here (it has: ${Object.keys(shape).join(", ")})` }];
        return walk(field, v, [...path, k]);
      });
    }
    case "array":
      if (!Array.isArray(value)) return problem(`expected an array, got ${describe(value)}`);
      return value.flatMap((v, i) => walk(def.element!, v, [...path, i]));
    case "tuple": {
      if (!Array.isArray(value)) return problem(`expected an array, got ${describe(value)}`);
      const items = def.items ?? [];
      return value.flatMap((v, i) => {
        const item = items[i] ?? def.rest;
        return item ? walk(item, v, [...path, i]) : [{ path: [...path, i], reason: `the tuple has ${items.length} items` }];
      });
    }
    case "record":
      if (!isPlainObject(value)) return problem(`expected an object, got ${describe(value)}`);
      return Object.entries(value).flatMap(([k, v]) => [
        ...leaf(def.keyType!, k, [...path, k]).map((p) => ({ ...p, reason: `key ${JSON.stringify(k)}: ${p.reason}` })),
        ...walk(def.valueType!, v, [...path, k]),
      ]);
    case "union":
      return union(def, value, path);
    case "intersection":
      return [...walk(def.left!, value, path), ...walk(def.right!, value, path)];
    default:
      return leaf(schema, value, path);
  }
}

/** Fits if it fits one option. When none fits, the problems of the closest option say why. */
function union(def: Def, value: unknown, path: (string | number)[]): SchemaProblem[] {
  let options = def.options ?? [];
  const key = def.discriminator;
  // With its discriminator given, a value is judged against the option it names only.
  if (key && isPlainObject(value) && key in value) {
    const named = options.filter((o) => {
      const field = o._zod.def.shape?.[key];
      return field !== undefined && walk(field, value[key], []).length === 0;
    });
    if (named.length === 0) return [{ path: [...path, key], reason: `${describe(value[key])} names none of the kinds here` }];
    options = named;
  }
  let closest: SchemaProblem[] | null = null;
  for (const option of options) {
    const problems = walk(option, value, path);
    if (problems.length === 0) return [];
    if (!closest || problems.length < closest.length) closest = problems;
  }
  return closest ?? [{ path, reason: "no value fits here" }];
}

/** A scalar (string, number, boolean, enum, literal …): zod itself says whether it fits. */
function leaf(schema: Schema, value: unknown, path: (string | number)[]): SchemaProblem[] {
  const result = (schema as unknown as z.ZodType).safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: [...path, ...i.path.map((p) => (typeof p === "number" ? p : String(p)))], reason: i.message }));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}
