// The JSON written in pieces and read in pieces (issue 23, case 9): the text is exactly
// JSON.stringify's, and the value read is exactly JSON.parse's, however small the pieces.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJsonBuffer } from "../../src/input/json-buffer.js";
import { jsonFile } from "../../src/report/json-chunks.js";

const VALUES: [string, unknown][] = [
  ["a number", 42],
  ["a string with escapes", 'quote " backslash \\ newline \n tab \t unicode é 🙂 \u0000'],
  ["null", null],
  ["empty containers", { a: {}, b: [], c: [[], {}], d: [{}] }],
  ["members JSON cannot hold", { keep: 1, gone: undefined, f: () => 1, list: [undefined, () => 1, 2] }],
  ["a deep value", { format: "x", domains: { "a.example": { mx: { hosts: [{ preference: 10, exchange: "mx.a.example" }], nullMx: false }, spf: { records: ["v=spf1 -all"] } } } }],
  ["odd keys", { "": 1, "\"": 2, "__proto__": { polluted: true }, "constructor": 3, "a\\\\": [true, false, -0.5e-7] }],
  ["a list of findings", { findings: Array.from({ length: 5 }, (_, i) => ({ ruleId: `r${i}`, evidence: [`/domains/${i}`], waiver: i % 2 ? undefined : null })) }],
];

describe("JSON written in pieces", () => {
  for (const [name, value] of VALUES) {
    it(`writes ${name} exactly as JSON.stringify does`, () => {
      assert.equal([...jsonFile(value)].join(""), `${JSON.stringify(value, null, 2)}\n`);
    });
  }
  it("never yields the whole of a large document as one piece", () => {
    const doc = { domains: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`d${i}.example`, { records: ["x".repeat(100)] }])) };
    const pieces = [...jsonFile(doc)];
    assert.ok(Math.max(...pieces.map((p) => p.length)) < 500, "a domain at most, not the file");
  });
});

describe("JSON read in pieces", () => {
  for (const [name, value] of VALUES) {
    const text = JSON.stringify(value, null, 2);
    if (text === undefined) continue;
    for (const slice of [1, 16, 1 << 20]) {
      it(`reads ${name} as JSON.parse does (pieces of ${slice} bytes)`, () => {
        const read = parseJsonBuffer(Buffer.from(text), slice);
        assert.deepEqual(read, JSON.parse(text));
        assert.equal(Object.getPrototypeOf(read ?? {}), Object.getPrototypeOf(JSON.parse(text) ?? {}));
      });
    }
  }
  it("reads compact JSON, a byte order mark and surrounding space", () => {
    assert.deepEqual(parseJsonBuffer(Buffer.from('\uFEFF \n{"a":[1,{"b":"\\"}"}],"c":null}\r\n'), 1), { a: [1, { b: '"}' }], c: null });
  });
  it("keeps __proto__ a member, never the prototype", () => {
    const read = parseJsonBuffer(Buffer.from('{"__proto__": {"polluted": true}, "x": {"y": 1}}'), 1) as Record<string, unknown>;
    assert.deepEqual(Object.keys(read), ["__proto__", "x"]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((read as { polluted?: unknown }).polluted, undefined);
  });
  const BAD = ['{"a": 1,}', '{"a" 1}', "[1 2]", '{"a": [1, 2}', '{"a": "unterminated}', "", "   ", '{"a": tru}', "[1,,2]", '{"a": 1}}', "{1: 2}"];
  for (const text of BAD) {
    it(`refuses ${JSON.stringify(text)} as JSON.parse does`, () => {
      assert.throws(() => JSON.parse(text), SyntaxError);
      for (const slice of [1, 4]) assert.throws(() => parseJsonBuffer(Buffer.from(text), slice), SyntaxError);
    });
  }
});
