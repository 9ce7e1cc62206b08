// RFC 7208 §4: check_host(<ip>, <domain>, <sender>). Fetches and parses the record, evaluates its
// mechanisms left to right (§4.6.2), follows include (§5.2) and redirect (§6.1), enforces the
// processing limits (§4.6.4), and computes the explanation of a fail (§6.2).
//
// The same evaluation serves the linter: with `exhaustive`, it keeps walking after a receiver
// would have stopped (terms after a match, the rest of the tree after an error), marking those
// steps `live: false`. The result is still the receiver's, counted only over live steps; the walk's
// own totals count every DNS-querying term in the tree, which is what the classic linters report.
import type { Resolver } from "../../dns/types.js";
import { txtRecords } from "../txt.js";
import { initialDomain } from "./domain-spec.js";
import { explain, type ExpSource } from "./explanation.js";
import { parseIp } from "./ip.js";
import { expandTarget } from "./macro-values.js";
import type { MacroToken } from "./macro.js";
import { evaluateMechanism } from "./mechanisms.js";
import { isSpfRecord, LOOKUP_MECHANISMS, type Mechanism, parseRecord } from "./record.js";
import { QUALIFIER_RESULT, type SpfResult, type SpfStep, type SpfStepProblem } from "./types.js";
import { ask, SpfTempError, SpfTimeLimit, type Walk } from "./walk.js";

/** RFC 7208 §4.6.4: at most 10 DNS-querying terms, at most 2 void lookups. */
export const LOOKUP_LIMIT = 10;
export const VOID_LOOKUP_LIMIT = 2;
/** The full walk stops descending after this many DNS-querying terms, so hostile trees stay cheap. */
export const WALK_LOOKUP_CAP = 40;
/** §4.6.4: a time limit on one evaluation SHOULD allow at least 20 seconds. */
export const DEFAULT_TIME_LIMIT_MS = 20_000;

export interface CheckHostOptions {
  resolver: Resolver;
  /** The HELO/EHLO name, for %{h} (§7.3). */
  helo?: string;
  /** The receiving host, for %{r} (§7.3). */
  receiver?: string;
  /** Milliseconds since the epoch. */
  now?: () => number;
  timeLimitMs?: number;
  /** Walk the whole tree (the linter). */
  exhaustive?: boolean;
  /** Look up the exp= explanation of a fail (default true). */
  explain?: boolean;
}

export interface CheckHostResult {
  result: SpfResult;
  /** Why, for people: the term that matched, or what went wrong. */
  reason: string;
  /** Only for "fail" (§6.2). */
  explanation: string | null;
  explanationSource: "exp" | "default" | null;
  /** DNS-querying terms and void lookups as a receiver counts them (§4.6.4). */
  lookups: number;
  voidLookups: number;
  /** Every DNS-querying term and void lookup of the tree (equal to the above unless exhaustive). */
  walk: { lookups: number; voidLookups: number; truncated: boolean };
  trace: SpfStep[];
}

interface Outcome {
  result: SpfResult;
  reason: string;
  /** For a fail: the record whose mechanism matched, for its exp= (§6.2). */
  exp: ExpSource | null;
}

export async function checkHost(ip: string, domain: string, sender: string, options: CheckHostOptions): Promise<CheckHostResult> {
  const address = parseIp(ip);
  if (!address) throw new TypeError(`not an IP address: ${ip}`);
  // §4.3: a sender without a local-part is treated as "postmaster@<domain>".
  const at = sender.lastIndexOf("@");
  const now = options.now ?? Date.now;
  const walk: Walk = {
    resolver: options.resolver,
    ip: address,
    sender: { local: at > 0 ? sender.slice(0, at) : "postmaster", domain: at >= 0 ? sender.slice(at + 1) : sender },
    helo: options.helo ?? "unknown",
    receiver: options.receiver ?? "unknown",
    now,
    deadline: now() + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS),
    exhaustive: options.exhaustive ?? false,
    limits: { lookups: LOOKUP_LIMIT, voids: VOID_LOOKUP_LIMIT, walkLookups: WALK_LOOKUP_CAP },
    live: { lookups: 0, voids: 0 },
    total: { lookups: 0, voids: 0 },
    truncated: false,
    steps: [],
    validatedNames: null,
  };
  const start = initialDomain(domain);
  const outcome: Outcome = start.ok
    ? await evaluate(walk, start.name, [start.name], new Set([start.name]), true)
    : { result: "none", reason: start.reason, exp: null };
  const explanation = outcome.result === "fail" && outcome.exp && options.explain !== false ? await explain(walk, outcome.exp, start.ok ? start.name : domain) : null;
  return {
    result: outcome.result,
    reason: outcome.reason,
    explanation: explanation?.text ?? null,
    explanationSource: explanation?.source ?? null,
    lookups: walk.live.lookups,
    voidLookups: walk.live.voids,
    walk: { lookups: walk.total.lookups, voidLookups: walk.total.voids, truncated: walk.truncated },
    trace: walk.steps,
  };
}

function newStep(walk: Walk, fields: Pick<SpfStep, "chain" | "domain" | "kind" | "live"> & Partial<SpfStep>): SpfStep {
  const { kind, chain, domain, live, ...rest } = fields;
  const step: SpfStep = {
    kind, chain, domain, term: null, name: null, target: null, live,
    lookup: false, voidLookup: false, outcome: "skipped", problem: null, detail: "", queries: [], ...rest,
  };
  walk.steps.push(step);
  return step;
}

/** check_host() for one domain of the tree: `seen` holds the domains above it, for loop detection. */
async function evaluate(walk: Walk, domain: string, chain: string[], seen: Set<string>, live: boolean): Promise<Outcome> {
  const recordStep = newStep(walk, { chain, domain, kind: "record", live, target: domain });
  const finish = (o: Outcome): Outcome => {
    recordStep.outcome = o.result;
    if (recordStep.detail === "") recordStep.detail = o.reason;
    return o;
  };
  let text: string;
  try {
    const fetched = await fetchRecord(walk, recordStep, domain);
    if ("result" in fetched) {
      // A missing record is a problem only where one was promised: an include or redirect target.
      recordStep.problem = fetched.result === "permerror" ? "multiple-records" : chain.length > 1 ? "no-record" : null;
      return finish({ ...fetched, exp: null });
    }
    text = fetched.text;
  } catch (err) {
    recordStep.problem = "dns-error";
    return finish({ result: "temperror", reason: temporaryReason(walk, err, `the SPF record of ${domain}`), exp: null });
  }
  const parsed = parseRecord(text);
  if (!parsed.ok) {
    recordStep.problem = "syntax";
    return finish({ result: "permerror", reason: `the SPF record of ${domain} is not valid: ${parsed.error}${parsed.term ? ` (term "${parsed.term.slice(0, 60)}")` : ""}`, exp: null });
  }
  recordStep.detail = `v=spf1 record found: ${text.slice(0, 200)}${text.length > 200 ? "…" : ""}`;
  const record = parsed.record;
  const at = { chain, domain };
  let decided: Outcome | null = null;
  for (const term of record.terms) {
    if (decided !== null && !walk.exhaustive) break;
    const termLive = live && decided === null;
    if (term.kind === "modifier") {
      if (walk.exhaustive && term.name !== "redirect") {
        newStep(walk, { ...at, kind: "term", live: termLive, term: term.raw, name: term.name, detail: term.name === "exp" ? "the explanation, looked up only after a fail (RFC 7208 §6.2)" : "an unknown modifier, ignored (RFC 7208 §6)" });
      }
      continue;
    }
    const o = await evaluateTerm(walk, term, domain, chain, seen, termLive);
    if (o && decided === null) {
      decided = o.result === "fail" ? { ...o, exp: { domain, chain, spec: record.exp?.value ?? null } } : o;
    }
  }
  if (record.redirect && record.hasAll) {
    if (walk.exhaustive) newStep(walk, { ...at, kind: "term", live: false, term: record.redirect.raw, name: "redirect", detail: "ignored: the record has an all mechanism (RFC 7208 §6.1)" });
  } else if (record.redirect && (decided === null || walk.exhaustive)) {
    const o = await followRedirect(walk, record.redirect.raw, record.redirect.value, domain, chain, seen, live && decided === null);
    if (o && decided === null) decided = o;
  }
  return finish(decided ?? { result: "neutral", reason: `no mechanism of ${domain} matched and it has no redirect: the default result is neutral (RFC 7208 §4.7)`, exp: null });
}

/** RFC 7208 §4.4, §4.5: the TXT records of the domain that are SPF records; exactly one may be. */
async function fetchRecord(walk: Walk, step: SpfStep, domain: string): Promise<{ text: string } | { result: SpfResult; reason: string }> {
  const answer = await ask(walk, step, domain, "TXT");
  const spf = txtRecords(answer).filter((t) => isSpfRecord(t.text));
  step.records = spf.map((t) => t.strings);
  if (spf.length === 0) {
    return { result: "none", reason: answer.status === "nxdomain" ? `${domain} does not exist (RFC 7208 §4.3)` : `${domain} has no v=spf1 TXT record (RFC 7208 §4.5)` };
  }
  if (spf.length > 1) return { result: "permerror", reason: `${domain} has ${spf.length} v=spf1 records; RFC 7208 §4.5 makes that a permerror` };
  return { text: spf[0]!.text };
}

/**
 * One mechanism. Returns the decision it makes (a match, or an error), or null when it does not
 * match. Counting happens here: live terms count for the receiver, every term for the walk.
 */
async function evaluateTerm(walk: Walk, m: Mechanism, domain: string, chain: string[], seen: Set<string>, termLive: boolean): Promise<Outcome | null> {
  const step = newStep(walk, { chain, domain, kind: "term", live: termLive, term: m.raw, name: m.name, lookup: LOOKUP_MECHANISMS.has(m.name) });
  let live = termLive;
  let overLimit: Outcome | null = null;
  if (step.lookup) {
    const limit = countLookup(walk, live);
    if (limit === "cap") return stop(walk, step, limit);
    if (limit === "limit") {
      overLimit = stop(walk, step, limit);
      // The receiver stops here; the full walk goes on, no longer counting for the receiver.
      if (!walk.exhaustive) return overLimit;
      live = false;
    }
  }
  let outcome: { kind: "match" | "no-match" | "permerror" | "temperror"; voidLookup: boolean; target: string | null; detail: string; problem?: SpfStepProblem | null };
  try {
    outcome = m.name === "include" ? await evaluateInclude(walk, m, domain, chain, seen, live, step) : await evaluateMechanism(walk, m, domain, step);
  } catch (err) {
    outcome = { kind: "temperror", voidLookup: false, target: step.target, detail: temporaryReason(walk, err, m.raw), problem: "dns-error" };
  }
  step.target = outcome.target;
  if (overLimit) {
    step.detail = `${step.detail}; the full walk went on: ${outcome.detail}`;
    return overLimit;
  }
  step.detail = outcome.detail;
  step.outcome = outcome.kind;
  step.problem = outcome.problem ?? null;
  if (outcome.voidLookup) {
    step.voidLookup = true;
    walk.total.voids++;
    if (live && ++walk.live.voids > walk.limits.voids) {
      step.outcome = "permerror";
      step.problem = "void-limit";
      step.detail = `${outcome.detail}; that is void lookup ${walk.live.voids}, over the limit of ${walk.limits.voids} (RFC 7208 §4.6.4)`;
      return { result: "permerror", reason: `more than ${walk.limits.voids} void lookups (RFC 7208 §4.6.4): the last was ${m.raw} in ${domain}`, exp: null };
    }
  }
  if (outcome.kind === "match") {
    const result = QUALIFIER_RESULT[m.qualifier];
    return { result, reason: `${m.raw} in ${domain} matched (${result}): ${outcome.detail}`, exp: null };
  }
  if (outcome.kind === "permerror" || outcome.kind === "temperror") return { result: outcome.kind, reason: `${m.raw} in ${domain}: ${outcome.detail}`, exp: null };
  return null;
}

/** §5.2: include's result table — pass matches; fail, softfail, neutral do not; none is a permerror. */
async function evaluateInclude(walk: Walk, m: Mechanism, domain: string, chain: string[], seen: Set<string>, live: boolean, step: SpfStep) {
  const target = await expandTarget(walk, step, m.domainSpec, domain);
  if (!target.ok) return { kind: "permerror" as const, voidLookup: false, target: null, detail: `the include target is not a valid name: ${target.reason} (RFC 7208 §5.2)`, problem: "invalid-target" as const };
  const name = target.name;
  step.target = name;
  if (seen.has(name)) return { kind: "permerror" as const, voidLookup: false, target: name, detail: loopDetail("include", name, chain), problem: "loop" as const };
  const child = await evaluate(walk, name, [...chain, `include:${name}`], new Set([...seen, name]), live);
  switch (child.result) {
    case "pass":
      return { kind: "match" as const, voidLookup: false, target: name, detail: `${name} returned pass` };
    case "fail": case "softfail": case "neutral":
      return { kind: "no-match" as const, voidLookup: false, target: name, detail: `${name} returned ${child.result}, which is not a match (RFC 7208 §5.2)` };
    case "temperror":
      return { kind: "temperror" as const, voidLookup: false, target: name, detail: `${name} returned temperror: ${child.reason}` };
    default:
      return { kind: "permerror" as const, voidLookup: false, target: name, detail: `${name} returned ${child.result} (RFC 7208 §5.2 makes that a permerror): ${child.reason}` };
  }
}

/** §6.1: redirect replaces this record's result with the target's; a target without a record is a permerror. */
async function followRedirect(walk: Walk, raw: string, spec: MacroToken[], domain: string, chain: string[], seen: Set<string>, live: boolean): Promise<Outcome | null> {
  const step = newStep(walk, { chain, domain, kind: "term", live, term: raw, name: "redirect", lookup: true });
  const limit = countLookup(walk, live);
  if (limit === "cap") return stop(walk, step, limit);
  if (limit === "limit") {
    const overLimit = stop(walk, step, limit);
    if (!walk.exhaustive) return overLimit;
    // The full walk follows the redirect anyway, for the linter's totals; the step keeps the receiver's verdict.
    const verdict = { outcome: step.outcome, detail: step.detail, problem: step.problem };
    await followRedirectTarget(walk, step, spec, domain, chain, seen, false);
    Object.assign(step, verdict, { detail: `${verdict.detail}; the full walk went on: ${step.detail}` });
    return overLimit;
  }
  return followRedirectTarget(walk, step, spec, domain, chain, seen, live);
}

async function followRedirectTarget(walk: Walk, step: SpfStep, spec: MacroToken[], domain: string, chain: string[], seen: Set<string>, live: boolean): Promise<Outcome> {
  try {
    const target = await expandTarget(walk, step, spec, domain);
    if (!target.ok) return failStep(step, "permerror", `the redirect target is not a valid name: ${target.reason} (RFC 7208 §6.1)`, "invalid-target");
    step.target = target.name;
    if (seen.has(target.name)) return failStep(step, "permerror", loopDetail("redirect", target.name, chain), "loop");
    const child = await evaluate(walk, target.name, [...chain, `redirect=${target.name}`], new Set([...seen, target.name]), live);
    step.outcome = child.result;
    step.detail = `the result of ${target.name}: ${child.result}`;
    if (child.result === "none") return failStep(step, "permerror", `the redirect target ${target.name} has no SPF record (RFC 7208 §6.1): ${child.reason}`);
    return child;
  } catch (err) {
    return failStep(step, "temperror", temporaryReason(walk, err, step.term ?? "redirect"), "dns-error");
  }
}

function failStep(step: SpfStep, result: "permerror" | "temperror", detail: string, problem: SpfStepProblem | null = null): Outcome {
  step.outcome = result;
  step.detail = detail;
  step.problem = problem;
  return { result, reason: `${step.term} in ${step.domain}: ${detail}`, exp: null };
}

function loopDetail(how: string, name: string, chain: string[]): string {
  return `${how} loop: ${name} is already being evaluated (${[...chain, name].join(" → ")}); evaluating it again never ends, so it is a permerror (RFC 7208 §4.6.4)`;
}

/** Counts a DNS-querying term; says which limit it broke, if any. */
function countLookup(walk: Walk, live: boolean): "limit" | "cap" | null {
  walk.total.lookups++;
  if (live) return ++walk.live.lookups > walk.limits.lookups ? "limit" : null;
  return walk.total.lookups > walk.limits.walkLookups ? "cap" : null;
}

function stop(walk: Walk, step: SpfStep, limit: "limit" | "cap"): Outcome | null {
  if (limit === "cap") {
    walk.truncated = true;
    step.problem = "walk-truncated";
    step.detail = `not followed: the full walk stops after ${WALK_LOOKUP_CAP} DNS-querying terms`;
    return null;
  }
  step.outcome = "permerror";
  step.problem = "lookup-limit";
  step.detail = `this is DNS-querying term ${LOOKUP_LIMIT + 1}: RFC 7208 §4.6.4 allows ${LOOKUP_LIMIT}`;
  return { result: "permerror", reason: `more than ${LOOKUP_LIMIT} DNS-querying terms (RFC 7208 §4.6.4): the 11th is ${step.term} in ${step.domain}`, exp: null };
}

/** DNS failures and the time limit become temperror; anything else is a bug and propagates. */
function temporaryReason(walk: Walk, err: unknown, what: string): string {
  if (err instanceof SpfTimeLimit) {
    walk.truncated = true;
    return `${what}: ${err.message}`;
  }
  if (err instanceof SpfTempError) return `${what}: DNS failure: ${err.message}`;
  throw err;
}
