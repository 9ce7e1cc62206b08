// JSON text in pieces, exactly as `JSON.stringify(value, null, 2)` writes it, so a report of any
// size is written without ever holding it as one string: V8 caps a string at about 512 MB, and
// 25,000 domains of evidence or findings pass that ("Invalid string length", issue 23, case 9).
// The outer levels (the file, its `domains` / `findings`, each entry) are walked here; each value
// below them is small and goes through JSON.stringify whole, re-indented to its depth.

/** Levels walked before a value is stringified whole: the file, its sections, their entries. */
const WALKED = 2;

/**
 * A list written as JSON from items read one at a time (a spooled run's findings): never held
 * whole. `items` is called when the list is written.
 */
export class JsonList {
  constructor(readonly items: () => Iterable<unknown>) {}
}

export function* jsonChunks(value: unknown, depth = 0, indent = ""): Generator<string> {
  if (value instanceof JsonList) return yield* listChunks(value.items(), depth, indent);
  if (depth >= WALKED || value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    const text = JSON.stringify(value, null, 2);
    yield indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) return yield* listChunks(value, depth, indent);
  // As JSON.stringify: members whose value JSON cannot hold are left out. Each member is read when
  // it is written: a spooled run's `domains` reads a domain from disk on access (src/run/).
  const o = value as Record<string, unknown>;
  let first = true;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* jsonChunks(v, depth + 1, inner);
  }
  yield first ? "{}" : `\n${indent}}`;
}

function* listChunks(items: Iterable<unknown>, depth: number, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const v of items) {
    yield `${first ? "[" : ","}\n${inner}`;
    first = false;
    // As JSON.stringify: what JSON cannot hold is null in a list.
    if (v === undefined || typeof v === "function" || typeof v === "symbol") yield "null";
    else yield* jsonChunks(v, depth + 1, inner);
  }
  yield first ? "[]" : `\n${indent}]`;
}

/** A JSON file's content: the text in pieces and a final newline. */
export function* jsonFile(value: unknown): Generator<string> {
  yield* jsonChunks(value);
  yield "\n";
}
