// The order a reader wants findings in: what could not be assessed first (a run that could not
// look must say so before anything reads as clean), then what to fix, most severe first; then by
// rule and subject (by code unit, as findings.json orders subjects: the same on every machine).
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Finding } from "../evidence/findings.js";
import { byCodeUnit } from "../group-by.js";

const STATUS_ORDER: Finding["status"][] = ["error", "fail", "warn", "waived", "info", "pass", "not_applicable"];
const SEVERITY_ORDER: Finding["severity"][] = ["high", "medium", "low", "info"];


export function byAttention(a: Finding, b: Finding): number {
  return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || byCodeUnit(a.ruleId, b.ruleId) || byCodeUnit(a.subject, b.subject);
}

/** Text kept in memory for a group before it goes to a file of its own. */
const HELD = 1 << 16;

/**
 * Each finding's text (`text(f)`) in attention order, from findings that come subject by subject
 * in name order (a view's allFindings): in one pass, each (status, severity, rule) group is
 * gathered in arrival order, which is already subject order; a group past HELD characters goes to
 * a temporary file, so a run of 300,000 findings is ordered without holding them. Groups are then
 * read back in order and the files removed.
 */
export function* inAttentionOrder(findings: Iterable<Finding>, text: (f: Finding) => string): Generator<string> {
  const groups = new Map<string, { held: string[]; size: number; fd: number | null }>();
  let dir: string | null = null;
  let files = 0;
  const flush = (key: string, g: { held: string[]; size: number; fd: number | null }) => {
    dir ??= mkdtempSync(join(tmpdir(), "exo-posture-order-"));
    g.fd ??= openSync(join(dir, `group-${files++}`), "wx+", 0o600);
    const bytes = Buffer.from(g.held.join(""), "utf8");
    let done = 0;
    while (done < bytes.length) done += writeSync(g.fd, bytes, done);
    g.held = [];
    g.size = 0;
  };
  try {
    for (const f of findings) {
      const key = `${STATUS_ORDER.indexOf(f.status)}${SEVERITY_ORDER.indexOf(f.severity)}${f.ruleId}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { held: [], size: 0, fd: null }));
      const t = text(f);
      g.held.push(t);
      g.size += t.length;
      if (g.size > HELD) flush(key, g);
    }
    for (const key of [...groups.keys()].sort(byCodeUnit)) {
      const g = groups.get(key)!;
      if (g.fd !== null) {
        const buf = Buffer.allocUnsafe(1 << 20);
        let at = 0;
        for (;;) {
          const n = readSync(g.fd, buf, 0, buf.length, at);
          if (n === 0) break;
          at += n;
          // A piece may end inside a character: keep its bytes for the next piece.
          let end = n;
          while (end > 0 && (buf[end - 1]! & 0xc0) === 0x80) end--;
          if (end > 0 && buf[end - 1]! >= 0xc0) end--;
          if (end === 0) end = n;
          at -= n - end;
          yield buf.toString("utf8", 0, end);
        }
      }
      yield g.held.join("");
    }
  } finally {
    for (const g of groups.values()) if (g.fd !== null) closeSync(g.fd);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * As inAttentionOrder, one value a finding (`value(f)`, kept as a line of JSON while it waits): for
 * a report that needs more than a line of text a finding, such as the workbook's cells and colours.
 */
export function* inAttentionOrderOf<T>(findings: Iterable<Finding>, value: (f: Finding) => T): Generator<T> {
  let rest = "";
  for (const piece of inAttentionOrder(findings, (f) => `${JSON.stringify(value(f))}\n`)) {
    // JSON escapes every line break inside a value, so a line is a value.
    const lines = (rest + piece).split("\n");
    rest = lines.pop()!;
    for (const line of lines) yield JSON.parse(line) as T;
  }
}
