// RFC 7208 §6.2: the explanation a receiver may give with a "fail": the TXT record named by exp=,
// macro-expanded. Any problem fetching or reading it means "as if no exp modifier was given".
import { txtRecords } from "../txt.js";
import { targetName } from "./domain-spec.js";
import { readableForm } from "./ip.js";
import { macroValues } from "./macro-values.js";
import { expandMacroString, type MacroToken, parseMacroString } from "./macro.js";
import type { SpfStep } from "./types.js";
import { ask, SpfTempError, SpfTimeLimit, type Walk } from "./walk.js";

export interface Explanation {
  text: string;
  /** "exp": from the record's exp= modifier; "default": ours, because there was none or it failed. */
  source: "exp" | "default";
}

/** Where a fail came from: the exp= of the record whose mechanism matched (§6.2), if it has one. */
export interface ExpSource {
  domain: string;
  chain: string[];
  spec: MacroToken[] | null;
}

/** Ours, when the record gives none: which domain refused which address for which sender. */
export function defaultExplanation(walk: Walk, checkedDomain: string): string {
  const { local, domain } = walk.sender;
  return `the SPF record of ${checkedDomain} does not authorise ${readableForm(walk.ip)} to send mail as ${local}@${domain}`;
}

/**
 * Looked up once, after the result is known (the exp lookup does not count against the limits,
 * §4.6.4). The TXT record must be the only one at the name and plain ASCII (§6.2); it may use the
 * c, r and t macros that domain-specs may not (§7.2).
 */
export async function explain(walk: Walk, source: ExpSource, checkedDomain: string): Promise<Explanation> {
  const fallback: Explanation = { text: defaultExplanation(walk, checkedDomain), source: "default" };
  if (source.spec === null) return fallback;
  const step: SpfStep = {
    chain: source.chain, domain: source.domain, kind: "term", term: "exp=", name: "exp", target: null,
    lookup: false, voidLookup: false, outcome: "skipped", live: true, detail: "", queries: [], problem: null,
  };
  walk.steps.push(step);
  try {
    const name = targetName(expandMacroString(source.spec, await macroValues(walk, step, source.domain, source.spec)));
    if (!name.ok) return note(step, fallback, `the exp= name is not a valid name: ${name.reason}`);
    step.target = name.name;
    const records = txtRecords(await ask(walk, step, name.name, "TXT"));
    if (records.length !== 1) return note(step, fallback, `${name.name} has ${records.length} TXT records, not exactly one`);
    const text = records[0]!.text;
    if (/[^\x20-\x7e]/.test(text)) return note(step, fallback, `the explanation at ${name.name} is not plain ASCII`);
    const parsed = parseMacroString(text, "explain");
    if (!parsed.ok) return note(step, fallback, `the explanation at ${name.name} has a syntax error: ${parsed.error}`);
    const expanded = expandMacroString(parsed.tokens, await macroValues(walk, step, source.domain, parsed.tokens));
    step.detail = `explanation from ${name.name}`;
    return { text: expanded, source: "exp" };
  } catch (err) {
    // A DNS error or the time limit: proceed as if there were no exp= (§6.2).
    if (!(err instanceof SpfTempError || err instanceof SpfTimeLimit)) throw err;
    return note(step, fallback, `the explanation lookup failed: ${err.message}`);
  }
}

function note(step: SpfStep, fallback: Explanation, detail: string): Explanation {
  step.detail = `${detail}; the default explanation is used (RFC 7208 §6.2)`;
  return fallback;
}
