// The evidence schemas are the tool's file format, read by rules, reports and users' tooling; they
// depend on zod alone, so nothing of the probes or collectors leaks into the format.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { describe, it } from "node:test";
import { packageRoot } from "../../src/paths.js";

const dir = join(packageRoot, "src", "evidence");

/** Every module specifier of a file: import … from, export … from, import(), bare import. */
function specifiers(text: string): string[] {
  const found = [...text.matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  return [...new Set(found)];
}

function allowed(spec: string): boolean {
  return spec === "zod" || spec.startsWith("node:") || builtinModules.includes(spec) || /^\.\/[^/]+\.js$/.test(spec);
}

describe("src/evidence", () => {
  const files = readdirSync(dir).filter((n) => n.endsWith(".ts")).sort();

  it("is found, with the common pieces in it", () => {
    assert.ok(files.includes("common.ts") && files.includes("errors.ts"), files.join(", "));
  });

  it("reads the import forms it checks", () => {
    assert.deepEqual(specifiers(`import { z } from "zod";\nimport type { A } from "../dns/types.js";\nexport * from './x.js';\nconst m = await import("node:fs");`), ["zod", "../dns/types.js", "./x.js", "node:fs"]);
  });

  for (const name of files) {
    it(`${name} imports only zod, node built-ins and ./ files`, () => {
      const bad = specifiers(readFileSync(join(dir, name), "utf8")).filter((s) => !allowed(s));
      assert.deepEqual(bad, []);
    });
  }
});
