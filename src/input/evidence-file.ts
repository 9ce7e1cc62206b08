// Reading an evidence file (`evaluate --evidence`, the library's evaluateFile). A file that fails
// the schema is refused with the path of its first bad field, so a user can find it.
import { type Evidence, evidenceSchema } from "../evidence/evidence.js";
import { parseWith } from "./parse.js";
import { readJsonFile } from "./read-file.js";

export async function readEvidence(path: string): Promise<Evidence> {
  return parseWith(evidenceSchema, await readJsonFile(path, "evidence file"), `evidence file ${path}`);
}
