// The run's records on disk (src/run/spool.ts) and the record that reads them when asked
// (src/run/lazy-record.ts): what a spooled run keeps in memory is the index, not the values.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { lazyRecord } from "../../src/run/lazy-record.js";
import { Spool } from "../../src/run/spool.js";
import { jsonChunks } from "../../src/report/json-chunks.js";
import { tempDir } from "../helpers/tmp.js";

describe("a spool", () => {
  it("reads back what was put, by key, a new object each time; a key put again is replaced", () => {
    const path = join(tempDir(), "s.jsonl");
    const s = new Spool<{ n: number; text: string }>(path);
    s.put("a", { n: 1, text: "é ✓ \u0000 \"quoted\"" });
    s.put("b", { n: 2, text: "x".repeat(100_000) });
    s.put("a", { n: 3, text: "again" });
    assert.deepEqual(s.get("a"), { n: 3, text: "again" });
    assert.equal(s.get("b")!.text.length, 100_000);
    assert.notEqual(s.get("a"), s.get("a"));
    assert.equal(s.get("c"), undefined);
    assert.deepEqual(s.keys(), ["a", "b"]);
    s.remove();
    assert.equal(existsSync(path), false);
  });

  it("never writes through a file that is already there", () => {
    const dir = tempDir({ "taken.jsonl": "someone else's" });
    assert.throws(() => new Spool(join(dir, "taken.jsonl")), /EEXIST/);
  });
});

describe("a lazy record", () => {
  it("lists its names without reading, and reads one value when it is asked for", () => {
    const reads: string[] = [];
    const r = lazyRecord(["b", "a", "c"], (name) => (reads.push(name), { name }));
    assert.deepEqual(Object.keys(r), ["b", "a", "c"]);
    assert.equal("a" in r, true);
    assert.equal("zz" in r, false);
    assert.deepEqual(reads, []);
    assert.deepEqual(r.a, { name: "a" });
    assert.deepEqual(reads, ["a"]);
    // Read again at once: kept, not read from disk twice.
    assert.equal(r.a, r.a);
    assert.deepEqual(reads, ["a"]);
    assert.equal(r.zz, undefined);
    assert.throws(() => {
      (r as Record<string, unknown>).d = 1;
    }, TypeError);
  });

  it("is written as JSON exactly as the same record in memory, one value at a time", () => {
    const values: Record<string, { n: number; list: number[] }> = { x: { n: 1, list: [1, 2] }, y: { n: 2, list: [] } };
    let reading = 0;
    let most = 0;
    const r = lazyRecord(Object.keys(values), (k) => {
      reading++;
      most = Math.max(most, reading);
      const v = structuredClone(values[k]!);
      reading--;
      return v;
    });
    const doc = { head: "h", domains: r };
    assert.equal([...jsonChunks(doc)].join(""), JSON.stringify({ head: "h", domains: values }, null, 2));
    assert.equal(most, 1);
  });
});

describe("attention order from findings read subject by subject", () => {
  it("is the order of sorting them all, with groups that went to disk read back whole (multi-byte text included)", async () => {
    const { byAttention, inAttentionOrder } = await import("../../src/report/order.js");
    const statuses = ["pass", "fail", "error", "not_applicable", "warn"] as const;
    const severities = ["high", "low", "medium"] as const;
    const findings = [];
    for (let d = 0; d < 3000; d++) {
      // Many groups, several of them large enough for a file of their own.
      for (let r = 0; r < 5; r++) {
        findings.push({
          ruleId: `rule.${(r * 7 + d) % 11}`, subject: `domain:d${String(d).padStart(5, "0")}.example`, status: statuses[(d + r) % 5]!, severity: severities[(d * r) % 3]!,
          message: `é✓ ${"x".repeat(1000 + (d % 500))}`,
        } as never as import("../../src/evidence/findings.js").Finding);
      }
    }
    const text = (f: { ruleId: string; subject: string; message: string }) => `${f.ruleId} ${f.subject} ${f.message}\n`;
    const expected = [...findings].sort(byAttention).map(text).join("");
    const got = [...inAttentionOrder(findings, text)].join("");
    assert.ok(expected.length > 200 * (1 << 16), "enough text for most groups to go to disk");
    assert.equal(got, expected);
  });
});
