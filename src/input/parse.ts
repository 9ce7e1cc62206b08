// Checking a value from outside against a zod schema: the first bad field is named by its path,
// so a user can find it in their file.
import type { z } from "zod";
import { InputError } from "./errors.js";

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `/${issue.path.map(String).join("/")}` : "(top level)";
  throw new InputError(`${what} does not fit the schema at ${where}: ${issue.message}`);
}
