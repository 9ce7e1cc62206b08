// The SPF linter: reads the trace of one full check_host() walk (no queries of its own) and says,
// per term, where it came from, what it cost, and what is wrong with it; and for the whole tree, the
// lookup totals, the "all" that decides the default, and whether Exchange Online is included.
import type { SpfLint, SpfProblem, SpfTerm } from "../../evidence/spf.js";
import type { CheckHostResult } from "./check-host.js";
import { LOOKUP_LIMIT, VOID_LOOKUP_LIMIT, WALK_LOOKUP_CAP } from "./check-host.js";
import type { SpfStep } from "./types.js";

/** Exchange Online's SPF include (Microsoft Learn: "Set up SPF to identify valid email sources"). */
export const EXO_SPF_INCLUDE = "spf.protection.outlook.com";
/** RFC 7208 §3.4: records under 450 octets keep DNS answers within 512 octets. */
export const MAX_RECORD_BYTES = 450;
/** RFC 1035 §3.3.14 / RFC 7208 §3.3: one character-string holds at most 255 octets. */
export const MAX_STRING_BYTES = 255;

type Code = SpfProblem["code"];

export interface LintInput {
  /** The full walk (check_host with `exhaustive`). */
  walk: CheckHostResult;
  ip: string;
  sender: string;
  /** The domain's own v=spf1 records as character-strings, for `sizes`. */
  strings: string[][];
  spfType: SpfLint["spfType"];
}

export function lintSpf(input: LintInput): SpfLint {
  const { walk } = input;
  const problems: SpfProblem[] = [];
  const add = (code: Code, step: Pick<SpfStep, "domain" | "chain" | "term">, message: string) =>
    problems.push({ code, message, domain: step.domain, chain: step.chain, term: step.term });
  const terms: SpfTerm[] = [];
  const allSeen = new Map<string, boolean>();
  const includes = new Map<string, number>();

  // RFC 7208 §4.6.4 counts lookups "during SPF evaluation", and §5.1 ends a record's evaluation at
  // "all" (§6.1 ignores redirect= beside it): what follows is never evaluated, by any receiver. The
  // exhaustive walk still goes there, to show it; its limits, voids, loops and broken records are
  // judged on the reachable part only, and the dead terms are reported as such ("after-all").
  const deadRecords = new Set<string>();
  let deadLink = false;
  const inDeadRecord = (chain: string[]) => chain.some((_, i) => deadRecords.has(chain.slice(0, i + 1).join(" ")));
  let reachableLookups = 0;
  let reachableVoids = 0;
  // An include or redirect asks its question in the step of the record it leads to, which follows it.
  let link: SpfTerm | null = null;
  for (const step of walk.trace) {
    const key = step.chain.join(" ");
    if (step.kind === "record") {
      if (link && step.chain.length === link.chain.length + 1) link.queries += step.queries.length;
      if (deadLink && link && step.chain.length === link.chain.length + 1) deadRecords.add(key);
      link = null;
      deadLink = false;
      allSeen.set(key, false);
      if (inDeadRecord(step.chain)) continue;
      if (step.problem) add(step.problem, step, step.detail);
      for (const strings of step.records ?? []) sizeProblems(strings).forEach(([code, message]) => add(code, step, message));
      continue;
    }
    if (step.name === "exp" && step.term === "exp=") continue; // the explanation lookup, not a term of a record
    const codes: Code[] = [];
    const flag = (code: Code, message: string) => {
      codes.push(code);
      add(code, step, message);
    };
    const term = step.term ?? "";
    const inDead = inDeadRecord(step.chain);
    const afterAll = allSeen.get(key) === true && step.name !== "exp" && !isModifier(term);
    const ignoredRedirect = step.name === "redirect" && allSeen.get(key) === true;
    const reachable = !inDead && !afterAll && !ignoredRedirect;
    if (!reachable) {
      // Listed with the walk's evidence, never judged: no receiver evaluates it. Only the term that
      // makes a part dead is reported; what lies behind it is not.
      if (!inDead && afterAll) flag("after-all", `${term} comes after "all" in ${step.domain} and is never evaluated (RFC 7208 §5.1)`);
      if (!inDead && ignoredRedirect) flag("redirect-ignored", `${term} in ${step.domain} is ignored because the record has "all" (RFC 7208 §6.1)`);
    } else {
      if (step.lookup && step.name !== "exp") reachableLookups++;
      if (step.voidLookup) reachableVoids++;
      if (step.problem && step.problem !== "lookup-limit" && step.problem !== "void-limit") flag(step.problem, step.detail);
      else if (step.problem) codes.push(step.problem);
      if (step.name === "ptr") flag("ptr", `${term} in ${step.domain}: the ptr mechanism is slow, unreliable and SHOULD NOT be used (RFC 7208 §5.5)`);
      if (/%\{p/i.test(term)) flag("p-macro", `${term} in ${step.domain}: the %{p} macro SHOULD NOT be used (RFC 7208 §7.3)`);
      if (step.name === "all" && (term === "all" || term.startsWith("+"))) {
        flag("plus-all", `${term} in ${step.domain} lets every host on the internet pass SPF${step.chain.length > 1 ? `, and through ${step.chain[step.chain.length - 1]} it does so for ${step.chain[0]}` : ""}`);
      }
      if (step.name === "all") allSeen.set(key, true);
      if (step.name === "include" && step.target) {
        const n = (includes.get(step.target) ?? 0) + 1;
        includes.set(step.target, n);
        if (n === 2) flag("duplicate-include", `${step.target} is included more than once in the tree, and every inclusion costs lookups`);
        else if (n > 2) codes.push("duplicate-include");
      }
    }
    const entry: SpfTerm = { chain: step.chain, domain: step.domain, term, lookup: step.lookup, voidLookup: step.voidLookup, queries: step.queries.length, outcome: step.outcome, problems: [...new Set(codes)], reachable };
    terms.push(entry);
    link = step.name === "include" || step.name === "redirect" ? entry : null;
    // What a dead include or redirect leads to is dead too (its record step follows it).
    deadLink = link !== null && !reachable;
  }

  const top = { domain: walk.trace[0]?.domain ?? "", chain: walk.trace[0]?.chain ?? [], term: null };
  const totals = `${reachableLookups}${walk.walk.truncated ? " or more" : ""}`;
  if (reachableLookups > LOOKUP_LIMIT) add("lookup-limit", top, `the record tree needs ${totals} DNS-querying terms a receiver evaluates; RFC 7208 §4.6.4 allows ${LOOKUP_LIMIT}, so receivers return permerror`);
  if (reachableVoids > VOID_LOOKUP_LIMIT) add("void-limit", top, `${reachableVoids} lookups a receiver makes in the tree find nothing; RFC 7208 §4.6.4 allows ${VOID_LOOKUP_LIMIT}, so receivers return permerror`);
  if (walk.walk.truncated) add("walk-truncated", top, `the walk stopped early (after ${WALK_LOOKUP_CAP} DNS-querying terms or at the time limit): counts are lower bounds`);
  for (const record of input.spfType.records) add("spf-type", { ...top, term: null }, `a record of the retired type SPF (99) is published: "${record.slice(0, 80)}"; RFC 7208 §3.1 says TXT only`);

  const all = decidingAll(walk.trace);
  if (!all && redirectChainReadable(walk.trace)) add("missing-all", top, `the record${redirectTargets(walk.trace)} has no "all", so mail from anywhere else gets neutral (RFC 7208 §4.7)`);
  const exo = walk.trace.find((s) => s.kind === "term" && (s.name === "include" || s.name === "redirect") && s.target === EXO_SPF_INCLUDE);
  const incomplete = walk.walk.truncated || walk.trace.some((s) => s.kind === "record" && s.problem === "dns-error" && !inDeadRecord(s.chain));
  return {
    ip: input.ip,
    sender: input.sender,
    result: walk.result,
    reason: walk.reason,
    // What a receiver evaluates in the worst case (no term matches before "all"): dead terms excluded.
    lookups: reachableLookups,
    voidLookups: reachableVoids,
    complete: !incomplete,
    allQualifier: all ? qualifierOf(all.term ?? "all") : null,
    allDomain: all?.domain ?? null,
    exoIncluded: exo !== undefined,
    exoChain: exo ? [...exo.chain, `${exo.name === "include" ? "include:" : "redirect="}${EXO_SPF_INCLUDE}`] : null,
    sizes: input.strings.map((s) => ({ bytes: s.reduce((n, x) => n + Buffer.byteLength(x), 0), strings: s.map((x) => Buffer.byteLength(x)) })),
    spfType: input.spfType,
    terms,
    problems,
  };
}

function sizeProblems(strings: string[]): [Code, string][] {
  const out: [Code, string][] = [];
  const bytes = strings.reduce((n, s) => n + Buffer.byteLength(s), 0);
  if (bytes > MAX_RECORD_BYTES) out.push(["record-too-long", `the record is ${bytes} octets; RFC 7208 §3.4 advises under ${MAX_RECORD_BYTES} so that answers fit in 512-octet UDP`]);
  const long = strings.filter((s) => Buffer.byteLength(s) > MAX_STRING_BYTES);
  if (long.length > 0) out.push(["string-too-long", `${long.length} string(s) over ${MAX_STRING_BYTES} octets (RFC 1035 §3.3.14)`]);
  return out;
}

const isModifier = (term: string) => /^[A-Za-z][A-Za-z0-9\-_.]*=/.test(term);

/** Steps of the domain's own record and of the records its redirects lead to (never includes). */
const onRedirectChain = (s: SpfStep) => s.chain.slice(1).every((link) => link.startsWith("redirect="));

/** §6.1: the "all" that decides the default: in the record, or in the record a redirect leads to. */
function decidingAll(trace: SpfStep[]): SpfStep | undefined {
  return trace.find((s) => s.kind === "term" && s.name === "all" && onRedirectChain(s));
}

/**
 * The records of the redirect chain were all read and parsed, and each redirect was followed: only
 * then is a missing "all" a fact rather than a gap (other problems explain the gap).
 */
function redirectChainReadable(trace: SpfStep[]): boolean {
  return !trace.some((s) => onRedirectChain(s) && s.problem !== null && (s.kind === "record" || s.name === "redirect"));
}

function redirectTargets(trace: SpfStep[]): string {
  const targets = trace.filter((s) => s.kind === "record" && s.chain.length > 1 && onRedirectChain(s)).map((s) => s.domain);
  return targets.length > 0 ? ` (and the record it redirects to, ${targets.join(" → ")})` : "";
}

function qualifierOf(term: string): "+" | "-" | "~" | "?" {
  const q = term[0];
  return q === "-" || q === "~" || q === "?" || q === "+" ? q : "+";
}
