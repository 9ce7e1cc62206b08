// Reading a YAML file so that every problem, in the YAML itself or in what it says, is reported
// with the file and line where it stands.
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { LoadError } from "./errors.js";
import { MAX_BYTES, readUserFileSync } from "./read-file.js";

/**
 * Aliases a document may expand. The yaml library's own default lets a small "billion laughs" file
 * run out of memory before it refuses it; no config, rule or data file needs more than a few.
 */
const MAX_ALIASES = 100;


export interface YamlFile<T> {
  file: string;
  value: T;
  /** The line of the node at a path in the document, for later errors (CEL that does not parse). */
  lineOf(path: (string | number)[]): number | null;
}

export function readYaml<S extends z.ZodType>(file: string, schema: S): YamlFile<z.infer<S>> {
  const text = readUserFileSync(file, (reason) => new LoadError(file, null, `cannot read: ${reason}`), MAX_BYTES.yaml);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) throw new LoadError(file, counter.linePos(yamlError.pos[0]).line, yamlError.message.split("\n")[0]!);
  const lineOf = lineFinder(doc, counter);
  if (doc.contents === null) throw new LoadError(file, null, "the file is empty: it holds no YAML");
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // ReferenceError "Excessive alias count …" (or an alias to nothing): refused, with the file named.
    throw new LoadError(file, null, `${(err as Error).message.split("\n")[0]} (at most ${MAX_ALIASES} aliases are expanded)`);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    const where = path.length > 0 ? ` (at ${path.join(".")})` : "";
    throw new LoadError(file, lineOf(path), `${issue.message}${where}`);
  }
  return { file, value: result.data, lineOf };
}

function lineFinder(doc: Document, counter: LineCounter) {
  return (path: (string | number)[]): number | null => {
    // The deepest node that exists on the path: a missing key is reported at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && node.range) return counter.linePos(node.range[0]).line;
    }
    return null;
  };
}
