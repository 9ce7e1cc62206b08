// The error catalogue is the contract of `error.code` in evidence.json: every code the source can
// write is in it, each explains itself to people, and docs/errors.md is rendered from it.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderErrorsPage } from "../../src/docs/errors-page.js";
import { DnsError } from "../../src/dns/errors.js";
import { evidenceError } from "../../src/evidence/common.js";
import { ERROR_CODES, ERRORS, describeError, errorCode, isErrorCode } from "../../src/evidence/errors.js";
import { thrownError } from "../../src/evidence/thrown.js";
import { TRANSLATED_CODES } from "../../src/evidence/translated-codes.js";
import { packageRoot } from "../../src/paths.js";
import { errorOf } from "../../src/probe/evidence-of.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line) => line.replace(/(^|\s)\/\/.*$/, ""))
    .join("\n");
}

/** String literals shaped like a code: DNS_TIMEOUT, UND_ERR_BODY_TIMEOUT. */
function codeLiterals(code: string): string[] {
  return [...code.matchAll(/"([A-Z][A-Z0-9]*_[A-Z0-9_]+)"/g)].map((m) => m[1]!);
}

describe("the error catalogue", () => {
  it("explains every code to people: a meaning and a remedy", () => {
    for (const code of ERROR_CODES) {
      const { meaning, remedy } = describeError(code);
      assert.ok(meaning.trim().length > 20, `${code} has no meaning`);
      assert.ok(remedy.trim().length > 20, `${code} has no remedy`);
      assert.notEqual(meaning, remedy, `${code} says the same thing twice`);
    }
    assert.deepEqual(Object.keys(ERRORS).sort(), [...ERROR_CODES].sort());
  });

  it("lists each code once, shaped AREA_WHAT", () => {
    assert.equal(new Set(ERROR_CODES).size, ERROR_CODES.length);
    for (const code of ERROR_CODES) assert.match(code, /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  // Where codes are written: everything in src but the catalogue and the page made from it.
  const sources = sourceFiles(join(packageRoot, "src"))
    .filter((f) => !f.endsWith(join("evidence", "errors.ts")) && !f.endsWith(join("docs", "errors-page.ts")))
    .map((file) => ({ file: file.slice(packageRoot.length + 1), code: withoutComments(readFileSync(file, "utf8")) }));
  const literals = sources.flatMap(({ file, code }) => codeLiterals(code).map((literal) => ({ literal, file })));

  it("holds every code literal of the source, or lists it as a foreign code that is translated", () => {
    assert.ok(literals.some((l) => l.literal === "SMTP_PROTOCOL") && literals.some((l) => l.literal === "UND_ERR_BODY_TIMEOUT"), "the scan finds codes");
    const foreign = new Set(TRANSLATED_CODES.map((t) => t.foreign));
    const unknown = literals.filter((l) => !isErrorCode(l.literal) && !foreign.has(l.literal)).map((l) => `${l.literal} (${l.file})`);
    assert.deepEqual(unknown, [], "add these to src/evidence/errors.ts, or to src/evidence/translated-codes.ts if they are translated");
  });

  // Rules write codes too: an error outcome's `cause:` (rules/ncsc/*.yaml).
  const ruleCauses = readdirSync(join(packageRoot, "rules", "ncsc"))
    .filter((n) => n.endsWith(".yaml"))
    .flatMap((n) => [...readFileSync(join(packageRoot, "rules", "ncsc", n), "utf8").matchAll(/^\s+cause: ([A-Z0-9_]+)$/gm)].map((m) => m[1]!));

  it("has no code that nothing in the source or the rules writes", () => {
    assert.ok(ruleCauses.includes("DNS_NOT_VALIDATING"), "the scan finds the rules' causes");
    assert.deepEqual(ERROR_CODES.filter((c) => !sources.some((s) => s.code.includes(`"${c}"`)) && !ruleCauses.includes(c)), []);
  });

  it("keeps foreign codes out of the catalogue, and translates each to catalogue codes", () => {
    for (const t of TRANSLATED_CODES) {
      assert.equal(isErrorCode(t.foreign), false, t.foreign);
      assert.ok(t.becomes.length > 0 && t.becomes.every(isErrorCode), t.foreign);
    }
  });

  it("is what evidence accepts: an unknown code does not validate", () => {
    assert.equal(evidenceError.safeParse({ code: "DNS_TIMEOUT", message: "m" }).success, true);
    assert.equal(evidenceError.safeParse({ code: "ECONNRESET", message: "m" }).success, false);
    assert.deepEqual(errorCode.options, [...ERROR_CODES]);
  });
});

describe("thrown values as evidence", () => {
  const coded = (code: unknown, message = "boom") => Object.assign(new Error(message), { code });

  it("keeps a catalogue code and its message", () => {
    assert.deepEqual(thrownError(coded("EXO_FORBIDDEN", "no role")), { code: "EXO_FORBIDDEN", message: "no role" });
  });

  it("turns a foreign code into INTERNAL, keeping the original at the head of the message", () => {
    assert.deepEqual(thrownError(coded("ECONNRESET", "read ECONNRESET")), { code: "INTERNAL", message: "ECONNRESET: read ECONNRESET" });
    assert.deepEqual(thrownError(coded("EPIPE", "write EPIPE")), { code: "INTERNAL", message: "EPIPE: write EPIPE" });
  });

  it("gives INTERNAL to anything without a code, however odd", () => {
    assert.deepEqual(thrownError(new TypeError("x is undefined")), { code: "INTERNAL", message: "x is undefined" });
    assert.deepEqual(thrownError("a string"), { code: "INTERNAL", message: "a string" });
    assert.deepEqual(thrownError(null), { code: "INTERNAL", message: "null" });
    assert.deepEqual(thrownError(coded(42)), { code: "INTERNAL", message: "boom" });
    for (const v of [coded("ECONNRESET"), null, undefined, 7]) assert.equal(evidenceError.safeParse(thrownError(v)).success, true);
  });

  it("names the query and the Extended DNS Errors of a DnsError", () => {
    const e = new DnsError("DNS_BOGUS", "DNSSEC validation failed (bogus)", { name: "example.org", type: "MX" }, [{ code: 7, text: "expired" }]);
    assert.deepEqual(errorOf(e), { code: "DNS_BOGUS", message: "example.org MX: DNSSEC validation failed (bogus) [EDE 7 expired]" });
    assert.deepEqual(errorOf(coded("EPIPE", "write EPIPE")), { code: "INTERNAL", message: "EPIPE: write EPIPE" });
  });
});

describe("docs/errors.md", () => {
  it("is rendered from the catalogue", () => {
    const committed = readFileSync(join(packageRoot, "docs", "errors.md"), "utf8");
    assert.ok(committed === renderErrorsPage(), "docs/errors.md is out of date: run npm run docs");
  });

  it("has a row for every code, under the heading of its area", () => {
    const page = renderErrorsPage();
    for (const code of ERROR_CODES) assert.ok(page.includes(`| \`${code}\` | ${ERRORS[code].meaning.replace(/\|/g, "\\|")} |`), code);
    for (const t of TRANSLATED_CODES) assert.ok(page.includes(t.foreign), t.foreign);
  });
});
