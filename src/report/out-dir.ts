// The output folder is made (or found) and proven writable before any network step, so a long run
// never ends by losing its evidence to a typo in --out or a read-only folder.
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { InputError } from "../input/errors.js";

/**
 * mkdir -p, one level at a time. Node's own `mkdir(…, { recursive: true })` never returns for a path
 * under /proc (it retries an ENOENT the kernel gives for good): `--out /proc/x` hung (issue 27).
 */
async function makeDirs(dir: string, depth = 0): Promise<void> {
  try {
    await mkdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return;
    const parent = dirname(dir);
    if (code !== "ENOENT" || parent === dir || depth > 64) throw err;
    await makeDirs(parent, depth + 1);
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== "EEXIST") throw again;
    });
  }
}

export async function prepareOutDir(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => null);
  if (existing && !existing.isDirectory()) throw new InputError(`--out ${dir}: exists and is not a folder; give a folder (it is created if missing)`);
  try {
    await makeDirs(dir);
    // Permission bits do not tell (root ignores them; a read-only mount does not show in them): write.
    const probe = join(dir, `.exo-posture-write-test-${process.pid}`);
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === "ENOTDIR" ? "a part of the path is a file, not a folder"
      : e.code === "ENOENT" ? "a folder cannot be made there"
      : e.code === "EACCES" || e.code === "EPERM" ? "permission denied"
      : e.code === "EROFS" ? "the file system is read-only"
      : e.code === "ENOSPC" ? "no space left on the device"
      : (e.code ?? e.message);
    throw new InputError(`--out ${dir}: cannot write there (${why})`);
  }
}
