// Reading a YAML file so that every problem, in the YAML itself or in what it says, is reported
// with the file and line where it stands.
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { LoadError } from "./errors.js";
import { readUserFileSync } from "./read-file.js";


export interface YamlFile<T> {
  file: string;
  value: T;
  /** The line of the node at a path in the document, for later errors (CEL that does not parse). */
  lineOf(path: (string | number)[]): number | null;
}

export function readYaml<S extends z.ZodType>(file: string, schema: S): YamlFile<z.infer<S>> {
  const text = readUserFileSync(file, (reason) => new LoadError(file, null, `cannot read: ${reason}`));
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) throw new LoadError(file, counter.linePos(yamlError.pos[0]).line, yamlError.message.split("\n")[0]!);
  const lineOf = lineFinder(doc, counter);
  const result = schema.safeParse(doc.toJS());
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
