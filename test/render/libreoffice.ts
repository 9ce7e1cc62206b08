// LibreOffice Calc, headless, as a spreadsheet user's stand-in: import a CSV the way a person opens
// it (UTF-8, comma, quotes, and formula evaluation ON, so an unprotected formula is evaluated), then
// export what the cells show.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

// CSV filter options (LibreOffice "Filter Options for the CSV Filter"): separator 44 (,), text
// delimiter 34 ("), character set 76 (UTF-8), start at line 1, default cell formats, language
// en-US (1033), quoted fields not forced to text, no special-number detection, … token 13: evaluate
// formulas = true.
const IMPORT = "CSV:44,34,76,1,,1033,false,false,false,false,false,-1,true";
// Export: the same separators, UTF-8, and "save cell contents as shown" (token 9).
const EXPORT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true";

/** The CSV as LibreOffice Calc shows it once opened: each cell's displayed value. */
export async function openedInCalc(csv: string | Uint8Array): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "exo-posture-calc-"));
  try {
    writeFileSync(join(dir, "in.csv"), csv);
    // A profile of its own, so a parallel or earlier soffice does not make this one a no-op.
    await run("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", `--infilter=${IMPORT}`, "--convert-to", EXPORT, "--outdir", join(dir, "out"), join(dir, "in.csv")], { timeout: 120_000 });
    return readFileSync(join(dir, "out", "in.csv"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A workbook printed to PDF by LibreOffice Calc, with each sheet's print set-up. */
export async function printedToPdf(xlsx: string, outDir: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), "exo-posture-calc-profile-"));
  try {
    await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, xlsx], { timeout: 180_000 });
    return join(outDir, xlsx.replace(/^.*\//, "").replace(/\.xlsx$/, ".pdf"));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext -layout), and PNG pages kept beside the PDF (pdftoppm). */
export async function pdfPages(pdf: string, pngPrefix?: string): Promise<string[]> {
  const { stdout: info } = await run("pdfinfo", [pdf]);
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const pages: string[] = [];
  for (let i = 1; i <= count; i++) pages.push((await run("pdftotext", ["-layout", "-f", String(i), "-l", String(i), pdf, "-"], { maxBuffer: 32 * 1024 * 1024 })).stdout);
  if (pngPrefix) await run("pdftoppm", ["-r", "60", "-png", pdf, pngPrefix], { timeout: 180_000 });
  return pages;
}
