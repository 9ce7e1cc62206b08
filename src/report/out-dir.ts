// The output folder is made (or found) and proven writable before any network step, so a long run
// never ends by losing its evidence to a typo in --out or a read-only folder.
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../input/errors.js";

export async function prepareOutDir(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => null);
  if (existing && !existing.isDirectory()) throw new InputError(`--out ${dir}: exists and is not a folder; give a folder (it is created if missing)`);
  try {
    await mkdir(dir, { recursive: true });
    // Permission bits do not tell (root ignores them; a read-only mount does not show in them): write.
    const probe = join(dir, `.exo-posture-write-test-${process.pid}`);
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === "ENOTDIR" ? "a part of the path is a file, not a folder"
      : e.code === "EACCES" || e.code === "EPERM" ? "permission denied"
      : e.code === "EROFS" ? "the file system is read-only"
      : e.code === "ENOSPC" ? "no space left on the device"
      : (e.code ?? e.message);
    throw new InputError(`--out ${dir}: cannot write there (${why})`);
  }
}
