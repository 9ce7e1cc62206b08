// Reading SMTP replies (RFC 5321 §4.2) with caps: multi-line replies, and every way a server can
// misbehave ending in a coded error within the deadline.
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { describe, it } from "node:test";
import { SmtpProbeError, replyReader } from "../../src/probe/smtp/reply.js";

const LIMITS = { maxLineBytes: 100, maxLines: 5, maxReplyBytes: 300 };

async function readFrom(chunks: string[], end = false): Promise<unknown> {
  const s = new PassThrough();
  const reader = replyReader(s, LIMITS);
  for (const c of chunks) s.write(c);
  if (end) s.end();
  try {
    return await reader.next(200, "test");
  } catch (e) {
    return (e as SmtpProbeError).code;
  }
}

describe("replyReader", () => {
  const cases: { name: string; chunks: string[]; end?: boolean; expect: unknown }[] = [
    { name: "one line", chunks: ["220 mx ready\r\n"], expect: { code: 220, lines: ["mx ready"] } },
    { name: "multi-line", chunks: ["250-mx\r\n250-STARTTLS\r\n250 8BITMIME\r\n"], expect: { code: 250, lines: ["mx", "STARTTLS", "8BITMIME"] } },
    { name: "split across packets, bare LF", chunks: ["25", "0-a\n250 ", "b\n"], expect: { code: 250, lines: ["a", "b"] } },
    { name: "code alone", chunks: ["220\r\n"], expect: { code: 220, lines: [""] } },
    { name: "no reply in time", chunks: ["220-still talking\r\n"], expect: "SMTP_TIMEOUT" },
    { name: "silence", chunks: [], expect: "SMTP_TIMEOUT" },
    { name: "not SMTP", chunks: ["HTTP/1.1 400 Bad Request\r\n"], expect: "SMTP_PROTOCOL" },
    { name: "code changes mid-reply", chunks: ["250-a\r\n220 b\r\n"], expect: "SMTP_PROTOCOL" },
    { name: "too many lines", chunks: [Array.from({ length: 6 }, () => "220-x\r\n").join("")], expect: "SMTP_PROTOCOL" },
    { name: "a line without end", chunks: ["220 " + "x".repeat(200)], expect: "SMTP_PROTOCOL" },
    { name: "too many bytes", chunks: ["220-" + "x".repeat(90) + "\r\n", "220-" + "x".repeat(90) + "\r\n", "220-" + "x".repeat(90) + "\r\n", "220-" + "x".repeat(90) + "\r\n"], expect: "SMTP_PROTOCOL" },
    { name: "closed mid-reply: unknown, not an answer", chunks: ["220-a\r\n"], end: true, expect: "SMTP_RESET" },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      assert.deepEqual(await readFrom(c.chunks, c.end), c.expect);
    });
  }
  it("returns pipelined replies one at a time", async () => {
    const s = new PassThrough();
    const reader = replyReader(s, LIMITS);
    s.write("250 one\r\n250 two\r\n");
    assert.deepEqual(await reader.next(100, "a"), { code: 250, lines: ["one"] });
    assert.deepEqual(await reader.next(100, "b"), { code: 250, lines: ["two"] });
    assert.equal(reader.detach(), 0);
  });
});
