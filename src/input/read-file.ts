// Reading a file the user named (--domains-file, --ca-file, --evidence, a bundle, a config …). One
// place decides how a file that cannot be read is reported: what it was for, its path, and the
// reason in a few words, not Node's message (which repeats the path) and never a stack trace.
import { readFileSync, statSync } from "node:fs";
import { access, constants, readFile, stat } from "node:fs/promises";
import { InputError } from "./errors.js";
import { parseJsonBuffer } from "./json-buffer.js";

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
};

/** Why a read failed, in a few words: "no such file (ENOENT)". */
export function readProblem(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const reason = e.code ? REASONS[e.code] : undefined;
  return reason ? `${reason} (${e.code})` : (e.message ?? String(err));
}

/**
 * The most each kind of input may hold: a 50 MB YAML config took 30 s and 2.4 GB to refuse (issue
 * 27); no real one comes near these.
 */
export const MAX_BYTES = {
  /** A config, a rule or data file, a certificate, a domains list of a whole sector. */
  yaml: 4 * 1024 * 1024,
  pem: 1024 * 1024,
  domains: 64 * 1024 * 1024,
  /** A sample message (Exchange Online accepts up to 150 MB). */
  message: 160 * 1024 * 1024,
  /** A tenant bundle of the export script (a large tenant's is a few MB). */
  bundle: 256 * 1024 * 1024,
  /** --cloud-endpoints. */
  endpoints: 1024 * 1024,
} as const;

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`);
const tooLarge = (what: string, path: string, size: number, max: number) =>
  `${what} ${path} is ${sizeText(size)}, more than the ${sizeText(max)} it may be`;

/** `what` names the file for the user: "the domains file", "--ca-file", "evidence file". */
export async function readUserFile(path: string, what: string, maxBytes?: number): Promise<string> {
  return (await readUserBytes(path, what, maxBytes)).toString("utf8");
}

/** As readUserFile, as bytes: a file past the longest string V8 holds still reads (up to 2 GiB). */
export async function readUserBytes(path: string, what: string, maxBytes?: number): Promise<Buffer> {
  try {
    if (maxBytes !== undefined) {
      const s = await stat(path);
      if (s.isFile() && s.size > maxBytes) throw new InputError(tooLarge(`cannot read ${what}:`, path, s.size, maxBytes));
    }
    return await readFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    // Node refuses a file past 2 GiB with a RangeError: no Buffer can hold it.
    if (err instanceof RangeError) throw new InputError(`cannot read ${what} ${path}: larger than the 2 GiB a file can be read in one piece`);
    throw new InputError(`cannot read ${what} ${path}: ${readProblem(err)}`);
  }
}

/** A file the run will read later (--message): readable, a file, not too large, or one line now (exit 2). */
export async function requireReadableFile(path: string, what: string, maxBytes: number): Promise<void> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new InputError(`cannot read ${what} ${path}: ${s.isDirectory() ? "it is a folder, not a file" : "not a regular file"}`);
    if (s.size > maxBytes) throw new InputError(tooLarge(`cannot read ${what}:`, path, s.size, maxBytes));
    await access(path, constants.R_OK);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read ${what} ${path}: ${readProblem(err)}`);
  }
}

/** As readUserFile, synchronously, with the caller's error (LoadError for rule and data files). */
export function readUserFileSync(path: string, fail: (reason: string) => Error, maxBytes?: number): string {
  let size: number;
  try {
    const s = maxBytes !== undefined ? statSync(path) : null;
    size = s && s.isFile() ? s.size : 0;
  } catch (err) {
    throw fail(readProblem(err));
  }
  if (maxBytes !== undefined && size > maxBytes) throw fail(`it is ${sizeText(size)}, more than the ${sizeText(maxBytes)} it may be`);
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw fail(readProblem(err));
  }
}

/**
 * A JSON file the user gave, read as bytes and parsed in pieces (src/input/json-buffer.ts), so a
 * file larger than the longest string V8 can hold still reads. A byte order mark is dropped first:
 * PowerShell 5.1's `Set-Content -Encoding UTF8` writes one (RFC 8259 §8.1 lets a parser ignore it).
 */
export async function readJsonFile(path: string, what: string, hint = "", maxBytes?: number): Promise<unknown> {
  const bytes = await readUserBytes(path, what, maxBytes);
  try {
    return parseJsonBuffer(bytes);
  } catch (err) {
    throw new InputError(`${what} ${path} is not JSON (${(err as Error).message})${hint}`);
  }
}
