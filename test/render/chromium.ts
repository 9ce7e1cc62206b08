// Chromium, headless, as a reader's browser: a page printed to PDF and a screenshot. Root (CI)
// needs --no-sandbox; the page loads nothing from outside, so nothing is reached.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const BROWSER = process.env.EXO_CHROMIUM ?? "chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer"];

export async function printPage(html: string, pdf: string): Promise<void> {
  await run(BROWSER, [...FLAGS, `--print-to-pdf=${pdf}`, `file://${html}`], { timeout: 120_000 });
}

export async function screenshot(html: string, png: string, size = "1280,2000"): Promise<void> {
  await run(BROWSER, [...FLAGS, `--window-size=${size}`, `--screenshot=${png}`, `file://${html}`], { timeout: 120_000 });
}
