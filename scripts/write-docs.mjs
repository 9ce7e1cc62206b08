#!/usr/bin/env node
// `npm run docs`: regenerates the pages under docs/ that are rendered from the code, so they cannot
// drift from it (the unit tests fail when a committed page differs from its rendering).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const { renderErrorsPage } = await import(join(root, "dist/src/docs/errors-page.js"));
const { withRuleCatalogue } = await import(join(root, "dist/src/docs/rule-catalogue.js"));
const { loadPack, defaultRulesDir } = await import(join(root, "dist/src/index.js"));
const { EXAMPLE_BUNDLE_FILE, exampleBundleJson } = await import(join(root, "dist/src/sandbox/example-bundle.js"));
const { EXAMPLE_MESSAGES, exampleMessage } = await import(join(root, "dist/src/sandbox/example-messages.js"));

const pages = [
  ["docs/errors.md", () => renderErrorsPage()],
  ["docs/rules.md", (page) => withRuleCatalogue(page, loadPack(defaultRulesDir))],
  // The sample bundle: what Export-ExoPosture.ps1 -IncludeGraph writes for the sample tenant.
  [EXAMPLE_BUNDLE_FILE, () => exampleBundleJson()],
  ...EXAMPLE_MESSAGES.map((m) => [m.file, () => exampleMessage(m.ef)]),
];

for (const [file, render] of pages) {
  const path = join(root, file);
  let before = "";
  try {
    before = readFileSync(path, "utf8");
  } catch {}
  const after = render(before);
  if (after === before) console.log(`${file}: up to date`);
  else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, after);
    console.log(`${file}: written`);
  }
}
