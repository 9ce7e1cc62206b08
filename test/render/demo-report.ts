// The demo's report files, for the rendering tests: the demo runs in a throw-away folder and the
// asked-for file is copied to reports/render/ (EXO_RENDER_OUT), where its renderings are kept.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

export const RENDER_OUT = resolve(process.env.EXO_RENDER_OUT ?? "reports/render");

/** Runs the demo and returns where `file` (report.xlsx, report.html …) now is, in RENDER_OUT. */
export async function demoReport(file: string): Promise<string> {
  const cwd = tempDir();
  const r = await runCli(["demo"], { cwd });
  assert.equal(r.code, 0, r.stderr);
  mkdirSync(RENDER_OUT, { recursive: true });
  copyFileSync(join(cwd, "reports/demo", file), join(RENDER_OUT, file));
  return join(RENDER_OUT, file);
}
