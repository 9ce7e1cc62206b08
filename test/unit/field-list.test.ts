// The field list MTA-STS (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3) records share: version, then
// name=value fields separated by *WSP ";" *WSP, with an optional trailing delimiter.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { beginsWithVersion, isExtValue, splitFieldList } from "../../src/probe/field-list.js";

describe("splitFieldList", () => {
  it("takes the text before the first delimiter as the version", () => {
    assert.deepEqual(splitFieldList("v=STSv1; id=abc"), { version: "v=STSv1", parts: [{ kind: "field", text: "id=abc", name: "id", value: "abc" }] });
    assert.deepEqual(splitFieldList("v=TLSRPTv1"), { version: "v=TLSRPTv1", parts: [] });
    assert.deepEqual(splitFieldList(""), { version: "", parts: [] });
  });
  it("allows one trailing delimiter, with or without white space", () => {
    assert.deepEqual(splitFieldList("v=STSv1; id=abc;").parts.map((p) => p.kind), ["field"]);
    assert.deepEqual(splitFieldList("v=STSv1;id=abc ; \t").parts.map((p) => p.kind), ["field"]);
    assert.deepEqual(splitFieldList("v=STSv1;").parts, []);
  });
  it("reports an empty field for two delimiters in a row, the trailing one excepted", () => {
    assert.deepEqual(splitFieldList("v=STSv1;; id=abc").parts.map((p) => p.kind), ["empty", "field"]);
    assert.deepEqual(splitFieldList("v=STSv1; id=abc;;").parts.map((p) => p.kind), ["field", "empty"]);
    assert.deepEqual(splitFieldList("v=STSv1; ; id=abc").parts.map((p) => p.kind), ["empty", "field"]);
  });
  it("strips spaces and tabs around ';' only, so other white space stays in the field", () => {
    const parts = splitFieldList("v=TLSRPTv1 \t;\t rua=mailto:a@example.com , https://r.example/  ").parts;
    assert.deepEqual(parts, [{ kind: "field", text: "rua=mailto:a@example.com , https://r.example/  ", name: "rua", value: "mailto:a@example.com , https://r.example/  " }]);
    assert.equal(splitFieldList("v=STSv1; id = abc").parts[0]!.kind, "malformed");
  });
  it("splits at the first '=' only, so a value may hold '=' (for the protocol to refuse)", () => {
    assert.deepEqual(splitFieldList("v=STSv1; ext=a=b").parts, [{ kind: "field", text: "ext=a=b", name: "ext", value: "a=b" }]);
    assert.deepEqual(splitFieldList("v=STSv1; id=").parts, [{ kind: "field", text: "id=", name: "id", value: "" }]);
  });
  it("refuses parts without a name: no '=', '=' first, or a name outside ext-name", () => {
    for (const bad of ["id", "=abc", "_x=1", `${"a".repeat(33)}=1`, "a b=1", "é=1"]) {
      assert.deepEqual(splitFieldList(`v=STSv1; ${bad}`).parts, [{ kind: "malformed", text: bad }], bad);
    }
    assert.equal(splitFieldList(`v=STSv1; ${"a".repeat(32)}=1`).parts[0]!.kind, "field");
  });
  it("keeps repeated names, in order, for the protocol to judge", () => {
    const parts = splitFieldList("v=STSv1; id=a; id=b; v=STSv1").parts;
    assert.deepEqual(parts.map((p) => (p.kind === "field" ? `${p.name}:${p.value}` : p.kind)), ["id:a", "id:b", "v:STSv1"]);
  });
});

describe("isExtValue (sts-ext-value / tlsrpt-ext-value = 1*(%x21-3A / %x3C / %x3E-7E))", () => {
  const cases: [string, boolean][] = [
    ["abc", true],
    ["mailto:a@example.com", true],
    ["!~<>", true],
    ["", false],
    ["a=b", false],
    ["a b", false],
    ["a;b", false],
    ["a\tb", false],
    ["é", false],
  ];
  for (const [value, want] of cases) it(`${JSON.stringify(value)} → ${want}`, () => assert.equal(isExtValue(value), want));
});

describe("beginsWithVersion", () => {
  const cases: [string, boolean][] = [
    ["v=STSv1", true],
    ["v=STSv1;id=a", true],
    ["v=STSv1 \t; id=a", true],
    ["v=STSv1 ", true],
    ["v=STSv10; id=a", false],
    ["v=STSv1 id=a", false],
    ["V=STSv1; id=a", false],
    [" v=STSv1; id=a", false],
  ];
  for (const [text, want] of cases) it(`${JSON.stringify(text)} → ${want}`, () => assert.equal(beginsWithVersion(text, "v=STSv1"), want));
});
