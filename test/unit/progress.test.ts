// The run's progress (issue 30): the live line's text and when it is shown at all, and the count of
// domains with something that could not be found out.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lineOf, progressLine, wantsProgressLine } from "../../src/cli/progress-line.js";
import { domainCounter, holdsError, type ProgressEvent } from "../../src/run/progress.js";
import type { DomainEvidence } from "../../src/evidence/domain.js";
import type { MxHostEvidence } from "../../src/evidence/mx-host.js";

const tty = (isTTY: boolean) => ({ isTTY, columns: 80 }) as NodeJS.WriteStream;

describe("the live progress line", () => {
  it("says done of total, the rate, the time left and the unknowns", () => {
    assert.equal(lineOf({ done: 1234, total: 10000, unknown: 12 }, 7.2, 120), "exo-posture: 1,234 / 10,000 domains · 171/s · 0:51 left · 12 with unknowns");
    assert.equal(lineOf({ done: 3, total: 40, unknown: 0 }, 2, 120), "exo-posture: 3 / 40 domains · 1.5/s · 0:25 left");
    assert.equal(lineOf({ done: 40, total: 40, unknown: 0 }, 2, 120), "exo-posture: 40 / 40 domains · 20/s");
    assert.equal(lineOf({ done: 10, total: 100000, unknown: 0 }, 1, 120), "exo-posture: 10 / 100,000 domains · 10/s · 2:46:39 left");
  });

  it("fits a narrow terminal", () => {
    const line = lineOf({ done: 1234, total: 10000, unknown: 12 }, 7.2, 30);
    assert.ok(line.length < 30, line);
    assert.ok(line.endsWith("…"));
  });

  it("is shown on a terminal only: not in a pipe, not with --quiet, not under CI", () => {
    assert.equal(wantsProgressLine(tty(true), false, {}), true);
    assert.equal(wantsProgressLine(tty(false), false, {}), false);
    assert.equal(wantsProgressLine(tty(true), true, {}), false);
    assert.equal(wantsProgressLine(tty(true), false, { CI: "true" }), false);
    assert.equal(wantsProgressLine(tty(true), false, { CI: "1" }), false);
    assert.equal(wantsProgressLine(tty(true), false, { CI: "false" }), true);
  });

  it("redraws over itself at most ten times a second, writes a log line above it, and erases itself", () => {
    const written: string[] = [];
    let t = 0;
    const out = { isTTY: true, columns: 100, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const line = progressLine(out, () => t);
    const e = (done: number): ProgressEvent & { kind: "domain" } => ({ kind: "domain", name: `d${done}`, done, total: 10, unknown: 0, hadUnknown: false });
    t = 200;
    line.update(e(1));
    t = 250;
    line.update(e(2));
    assert.deepEqual(written, ["\r\x1b[2K", "exo-posture: 1 / 10 domains · 5.0/s · 0:02 left"], "the second update within 100 ms is not drawn");
    written.length = 0;
    line.log("exo-posture: a message");
    assert.deepEqual(written, ["\r\x1b[2K", "exo-posture: a message\n", "\r\x1b[2K", "exo-posture: 2 / 10 domains · 8.0/s · 0:01 left"], "the line comes back below, with the latest count");
    t = 260;
    line.update(e(10));
    assert.match(written.at(-1)!, /10 \/ 10 domains/, "the last domain is always drawn");
    line.clear();
    assert.equal(written.at(-1), "\r\x1b[2K");
  });
});

describe("domains with unknowns", () => {
  const errorOf = (code: string) => ({ code, message: "m" });

  it("finds an error anywhere in the evidence, and nothing in evidence without one", () => {
    assert.equal(holdsError({ spf: { error: null, records: [{ error: null }] } }), false);
    assert.equal(holdsError({ spf: { error: null }, dmarc: { policy: { lookups: [{ error: errorOf("DNS_TIMEOUT") }] } } }), true);
  });

  it("counts a domain once, through its own evidence or an MX host's", () => {
    const events: ProgressEvent[] = [];
    const count = domainCounter(3, (e) => events.push(e));
    const bad = { name: "mx.example", smtp: { error: errorOf("SMTP_TIMEOUT") } } as unknown as MxHostEvidence;
    count({ name: "a.example", spf: { error: null } } as unknown as DomainEvidence, {});
    count({ name: "b.example", spf: { error: errorOf("DNS_SERVFAIL") } } as unknown as DomainEvidence, { "mx.example": bad });
    count({ name: "c.example", spf: { error: null } } as unknown as DomainEvidence, { "mx.example": bad });
    assert.deepEqual(events.map((e) => (e.kind === "domain" ? [e.name, e.done, e.unknown, e.hadUnknown] : [])), [
      ["a.example", 1, 0, false], ["b.example", 2, 1, true], ["c.example", 3, 2, true],
    ]);
  });
});
