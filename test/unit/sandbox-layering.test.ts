// The sandbox's two sides stay apart: the sample tenants (src/sandbox/tenants, data written as
// Scenarios) and the fake cloud (src/sandbox/cloud, which serves whatever Scenario it is given)
// import neither each other nor anything of each other; both may use src/sandbox/scenario.ts, and
// src/sandbox/sample-tenant.ts is the one place that puts a tenant on the cloud.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

// Compiled to dist/test/unit; the sources are read, since type-only imports vanish from the output.
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SANDBOX = join(ROOT, "src", "sandbox");

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\b(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm)) {
    found.push((m[1] ?? m[2] ?? m[3])!);
  }
  return found;
}

/** The files under `from` that import something under `forbidden`, as "file → specifier". */
function crossings(from: string, forbidden: string): string[] {
  return sourcesUnder(from).flatMap((file) =>
    specifiersOf(readFileSync(file, "utf8"))
      .filter((s) => s.startsWith("."))
      .filter((s) => {
        const target = resolve(dirname(file), s);
        return target === forbidden || target.startsWith(forbidden + sep);
      })
      .map((s) => `${relative(ROOT, file)} → ${s}`),
  );
}

describe("sandbox layering", () => {
  const tenants = join(SANDBOX, "tenants");
  const cloud = join(SANDBOX, "cloud");

  it("reads the import forms the sources use", () => {
    const text = 'import type { A } from "../cloud/a.js";\nimport {\n  b,\n} from "./b.js";\nexport { c } from "../c.js";\nconst d = await import("../d.js");\nimport "./e.js";\n';
    assert.deepEqual(specifiersOf(text), ["../cloud/a.js", "./b.js", "../c.js", "../d.js", "./e.js"]);
  });
  it("finds sources on both sides (an empty folder would pass vacuously)", () => {
    assert.ok(sourcesUnder(tenants).length >= 3);
    assert.ok(sourcesUnder(cloud).length >= 3);
  });
  it("no file under src/sandbox/tenants imports from src/sandbox/cloud", () => assert.deepEqual(crossings(tenants, cloud), []));
  it("no file under src/sandbox/cloud imports from src/sandbox/tenants", () => assert.deepEqual(crossings(cloud, tenants), []));
  it("would notice a crossing: the sample-tenant starter imports both sides", () => {
    const starter = (c: string) => c.startsWith(join("src", "sandbox", "sample-tenant.ts"));
    assert.deepEqual(crossings(SANDBOX, tenants).filter(starter), [`${join("src", "sandbox", "sample-tenant.ts")} → ./tenants/index.js`]);
    assert.deepEqual(crossings(SANDBOX, cloud).filter(starter), [`${join("src", "sandbox", "sample-tenant.ts")} → ./cloud/index.js`]);
  });
});
