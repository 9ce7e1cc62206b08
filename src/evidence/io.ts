// Reading and writing evidence files. A file that fails the schema is refused with the path of
// its first bad field, so a user can find it.
import { readFile, writeFile } from "node:fs/promises";
import type { z } from "zod";
import { type Evidence, evidenceSchema } from "./evidence.js";

export class InputError extends Error {
  override readonly name = "InputError";
}

export async function readEvidence(path: string): Promise<Evidence> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new InputError(`cannot read evidence file ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`evidence file ${path} is not JSON: ${(err as Error).message}`);
  }
  return parseWith(evidenceSchema, json, `evidence file ${path}`);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `/${issue.path.map(String).join("/")}` : "(top level)";
  throw new InputError(`${what} does not fit the schema at ${where}: ${issue.message}`);
}

export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, "utf8");
}
