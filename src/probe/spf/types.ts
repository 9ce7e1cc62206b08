// RFC 7208's vocabulary as types: the seven results (§2.6), the qualifiers (§4.6.2), and the trace
// that one check_host() evaluation leaves behind, which the CLI prints and the linter reads.
import { SPF_RESULT_VALUES } from "../../evidence/spf.js";

/** RFC 7208 §2.6. */
export const SPF_RESULTS = SPF_RESULT_VALUES;
export type SpfResult = (typeof SPF_RESULTS)[number];

/** RFC 7208 §4.6.2: "+" pass, "-" fail, "~" softfail, "?" neutral. */
export type Qualifier = "+" | "-" | "~" | "?";
export const QUALIFIER_RESULT: Record<Qualifier, SpfResult> = { "+": "pass", "-": "fail", "~": "softfail", "?": "neutral" };

/**
 * What went wrong at a step, as a stable code: the record or term could not be evaluated
 * (multiple-records, no-record, syntax, dns-error, loop, mx-limit), its target name cannot exist
 * (invalid-target), it broke a limit of §4.6.4 (lookup-limit, void-limit), or the full walk did not
 * follow it (walk-truncated).
 */
export type SpfStepProblem =
  | "multiple-records" | "no-record" | "syntax" | "dns-error" | "loop" | "mx-limit"
  | "invalid-target" | "lookup-limit" | "void-limit" | "walk-truncated";

/**
 * One step of an evaluation: fetching a record, or evaluating one of its terms. In a full walk (the
 * linter's) steps a receiver would never take — terms after a match, includes after an error — are
 * recorded too, with `live: false`.
 */
export interface SpfStep {
  /**
   * How the evaluation reached this record: the checked domain first, then each link
   * ("include:<name>" or "redirect=<name>").
   */
  chain: string[];
  /** The domain whose record this step belongs to. */
  domain: string;
  kind: "record" | "term";
  /** The term as written; null for a record step. */
  term: string | null;
  /** Mechanism or modifier name, lower case; null for a record step. */
  name: string | null;
  /** The expanded target name of a DNS-querying term, or the record's domain. */
  target: string | null;
  /** Counted against the limit of 10 DNS-querying terms (RFC 7208 §4.6.4). */
  lookup: boolean;
  /** The term's query came back NODATA or NXDOMAIN: a void lookup (§4.6.4). */
  voidLookup: boolean;
  /** "match" / "no-match" for a term, the result a record or an error produced, or "skipped". */
  outcome: "match" | "no-match" | "skipped" | SpfResult;
  /** Whether a receiver would take this step (false: only the linter's full walk does). */
  live: boolean;
  /** What happened, for people. */
  detail: string;
  /** The DNS questions the step asked and how each was answered. */
  queries: string[];
  problem: SpfStepProblem | null;
  /** Record steps: each v=spf1 record found at the name, as its character-strings. */
  records?: string[][];
}
