// Waivers: an accepted risk, with a reason, an approver and an expiry. A waived finding stays in
// every output; an expired waiver stops applying and says so.
import type { Finding } from "../evidence/findings.js";
import type { ConfigFile } from "./rule-schema.js";

export function applyWaivers(findings: Finding[], waivers: ConfigFile["waivers"], now: Date): string[] {
  const book = new WaiverBook(waivers, now);
  book.apply(findings);
  return book.notes();
}

/** The waivers of a run, applied to findings as they are made (a subject at a time in a spooled run). */
export class WaiverBook {
  private readonly matched: number[];

  constructor(private readonly waivers: ConfigFile["waivers"], private readonly now: Date) {
    this.matched = waivers.map(() => 0);
  }

  apply(findings: Finding[]): void {
    if (this.waivers.length === 0) return;
    this.waivers.forEach((w, i) => {
      const matched = findings.filter((f) => f.ruleId === w.rule && (w.subject === "*" || w.subject === f.subject));
      this.matched[i]! += matched.length;
      applyOne(w, matched, expiredOn(w, this.now));
    });
  }

  /** What a reader must know of the waivers: those that matched nothing, those expired. */
  notes(): string[] {
    const notes: string[] = [];
    this.waivers.forEach((w, i) => {
      if (this.matched[i] === 0) notes.push(`waiver for ${w.rule} on ${w.subject} matched no finding`);
      if (expiredOn(w, this.now)) notes.push(`waiver for ${w.rule} on ${w.subject} expired on ${w.expires} and no longer applies`);
    });
    return notes;
  }
}

type Waiver = ConfigFile["waivers"][number];

function expiredOn(w: Waiver, now: Date): boolean {
  return now.getTime() > Date.parse(`${w.expires}T23:59:59.999Z`);
}

function applyOne(w: Waiver, matched: Finding[], expired: boolean): void {
  for (const f of matched) {
    // Only a failure or a warning can be accepted as a risk; an error is unknown, and stays visible.
    const waivable = f.status === "fail" || f.status === "warn";
    const applied = waivable && !expired;
    f.waiver = { reason: w.reason, approver: w.approver, expires: w.expires, applied, originalStatus: f.status };
    if (applied) {
      f.status = "waived";
      f.message = `${f.message} (waived until ${w.expires} by ${w.approver}: ${w.reason})`;
    } else if (expired && waivable) {
      f.message = `${f.message} (a waiver expired on ${w.expires})`;
    }
  }
}
