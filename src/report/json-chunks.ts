// JSON text in pieces, exactly as `JSON.stringify(value, null, 2)` writes it, so a report of any
// size is written without ever holding it as one string: V8 caps a string at about 512 MB, and
// 25,000 domains of evidence or findings pass that ("Invalid string length", issue 23, case 9).
// The outer levels (the file, its `domains` / `findings`, each entry) are walked here; each value
// below them is small and goes through JSON.stringify whole, re-indented to its depth.

/** Levels walked before a value is stringified whole: the file, its sections, their entries. */
const WALKED = 2;

export function* jsonChunks(value: unknown, depth = 0, indent = ""): Generator<string> {
  if (depth >= WALKED || value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    const text = JSON.stringify(value, null, 2);
    yield indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield "[]";
    yield "[";
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? "" : ","}\n${inner}`;
      const v = value[i];
      // As JSON.stringify: what JSON cannot hold is null in a list.
      if (v === undefined || typeof v === "function" || typeof v === "symbol") yield "null";
      else yield* jsonChunks(v, depth + 1, inner);
    }
    return yield `\n${indent}]`;
  }
  // As JSON.stringify: members whose value JSON cannot hold are left out.
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
  if (entries.length === 0) return yield "{}";
  yield "{";
  for (const [i, [k, v]] of entries.entries()) {
    yield `${i === 0 ? "" : ","}\n${inner}${JSON.stringify(k)}: `;
    yield* jsonChunks(v, depth + 1, inner);
  }
  yield `\n${indent}}`;
}

/** A JSON file's content: the text in pieces and a final newline. */
export function* jsonFile(value: unknown): Generator<string> {
  yield* jsonChunks(value);
  yield "\n";
}
