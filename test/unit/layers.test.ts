// Imports point one way (docs/architecture.md): evidence is the shared language and depends on zod
// alone; the rules never reach the network; data does not know the rules; the CLI goes through the
// library. Read from the source, so a wrong import fails here rather than in a reviewer's head.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { packageRoot } from "../../src/paths.js";

const src = join(packageRoot, "src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : n.endsWith(".ts") ? [p] : [];
  });
}

/** Every module specifier in source text: import … from, export … from, import type, import(). */
function specifiersIn(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

/** Every module a file imports, as a path under src/ (".ts") or a package name. */
function importsOf(file: string): string[] {
  const specs = specifiersIn(readFileSync(file, "utf8"));
  return specs.map((s) => (s.startsWith(".") ? relative(src, resolve(dirname(file), s)).replace(/\.js$/, ".ts") : s));
}

/** Files under `folder` that import something `bad` says is wrong, as "file → import". */
function violations(folder: string, bad: (spec: string, file: string) => boolean): string[] {
  return filesUnder(join(src, folder)).flatMap((f) => importsOf(f).filter((s) => bad(s, relative(src, f))).map((s) => `${relative(src, f)} → ${s}`));
}

const inside = (spec: string, ...folders: string[]) => folders.some((d) => spec.startsWith(`${d}/`) || spec === `${d}.ts`);

describe("layers", () => {
  it("reads every import form it checks", () => {
    const text = 'import { z } from "zod";\nimport type { A } from "../dns/types.js";\nexport * from \'./x.js\';\nimport {\n  b,\n} from "./b.js";\nconst m = await import("../probe/run.js");';
    assert.deepEqual(specifiersIn(text), ["zod", "../dns/types.js", "./x.js", "./b.js", "../probe/run.js"]);
  });

  it("evidence depends on zod alone", () => {
    assert.deepEqual(violations("evidence", (s) => !(s === "zod" || s.startsWith("node:") || inside(s, "evidence"))), []);
  });

  it("data does not import the rules", () => {
    assert.deepEqual(violations("data", (s) => inside(s, "rules")), []);
  });

  it("rules never reach the network, the probes or the tenant", () => {
    assert.deepEqual(violations("rules", (s) => inside(s, "probe", "dns", "collect", "auth", "cloud", "sandbox") || ["node:net", "node:tls", "node:http", "node:https", "node:dgram", "undici"].includes(s)), []);
  });

  it("probes and collectors never import rules, reports or the CLI", () => {
    assert.deepEqual([...violations("probe", (s) => inside(s, "rules", "report", "cli")), ...violations("collect", (s) => inside(s, "rules", "report", "cli", "probe"))], []);
  });

  it("reports only present: no probe, collector, DNS or rule engine behind them", () => {
    assert.deepEqual(violations("report", (s) => inside(s, "probe", "collect", "dns", "auth", "cloud", "cli")), []);
  });

  it("the input layer knows files and schemas, nothing of probes or rules", () => {
    assert.deepEqual(violations("input", (s) => inside(s, "probe", "collect", "dns", "rules", "report", "cli")), []);
  });

  it("the CLI runs everything through the library: the modules src/index.ts exports from, each command loading its own", () => {
    // Besides the library, the CLI may load only what parsing options and printing errors needs
    // before a command runs (the report registry lists --format), so `--help` does not load every probe.
    // The output filter every printed byte passes (text/) is printing too, and has no imports; so are
    // the concurrency defaults --help names (probe/concurrency.ts), and what parses --shard (run/shard.ts).
    const light = ["run/shard.ts", "index.ts", "sandbox/demo.ts", "paths.ts", "version.ts", "input/errors.ts", "dns/resolver-spec.ts", "probe/concurrency.ts", "evidence/findings.ts", "evidence/levels.ts", "report/registry.ts", "text/secrets.ts", "text/visible.ts"];
    // A command loads, when it runs, the library modules it needs (not the whole library through
    // the barrel: `diff` has no use for the probes or the Microsoft clients).
    const library = new Set([...importsOf(join(src, "index.ts")), "index.ts", "sandbox/demo.ts"]);
    const lazy = (file: string) => [...readFileSync(join(src, file), "utf8").matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => relative(src, resolve(dirname(join(src, file)), m[1]!)).replace(/\.js$/, ".ts"));
    const staticBad = violations("cli", (s, file) => !lazy(file).includes(s) && (s.startsWith(".") || (!s.startsWith("node:") && s !== "commander" && !inside(s, "cli") && !light.includes(s))));
    const lazyBad = filesUnder(join(src, "cli")).flatMap((f) => lazy(relative(src, f)).filter((s) => !library.has(s) && !inside(s, "cli")).map((s) => `${relative(src, f)} → import(${s})`));
    assert.deepEqual([...staticBad, ...lazyBad], []);
  });
});
