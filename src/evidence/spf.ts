import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";

/** RFC 7208 §2.6. */
export const SPF_RESULT_VALUES = ["none", "neutral", "pass", "fail", "softfail", "temperror", "permerror"] as const;

/**
 * What the linter finds, as stable codes rules branch on:
 * - multiple-records: more than one v=spf1 record at a name (RFC 7208 §4.5, permerror)
 * - no-record: an include or redirect target without an SPF record (§5.2, §6.1, permerror)
 * - syntax: a record that does not parse, non-ASCII bytes included (§4.6, §12, permerror)
 * - lookup-limit: more than 10 DNS-querying terms in the tree (§4.6.4, permerror)
 * - void-limit: more than 2 lookups that found nothing (§4.6.4, permerror)
 * - loop: an include or redirect that leads back to a record being evaluated (permerror)
 * - mx-limit: an mx mechanism whose name has more than 10 MX records (§4.6.4, permerror)
 * - dns-error: a lookup failed (temperror); the walk is incomplete there
 * - invalid-target: a target name that cannot exist (empty or over-long label)
 * - ptr: the ptr mechanism (§5.5: SHOULD NOT be used); p-macro: the %{p} macro (§7.3: likewise)
 * - plus-all: "+all" (or a bare "all"): every host on the internet passes
 * - missing-all: the domain's record, through any redirect, has no "all": the default is neutral (§4.7)
 * - after-all: mechanisms after "all", never evaluated (§5.1)
 * - redirect-ignored: a redirect beside "all", never followed (§6.1)
 * - record-too-long: a record over 450 octets (§3.4); string-too-long: a string over 255 (§3.3)
 * - duplicate-include: the same domain included more than once in the tree
 * - spf-type: records of the retired SPF RR type (99) are published (§3.1, §14.1)
 * - walk-truncated: the walk stopped early (its safety limit or the time limit); counts are lower bounds
 */
export const SPF_PROBLEM_CODES = [
  "multiple-records", "no-record", "syntax", "lookup-limit", "void-limit", "loop", "mx-limit", "dns-error",
  "invalid-target", "ptr", "p-macro", "plus-all", "missing-all", "after-all", "redirect-ignored",
  "record-too-long", "string-too-long", "duplicate-include", "spf-type", "walk-truncated",
] as const;

export const spfProblem = z.object({
  code: z.enum(SPF_PROBLEM_CODES),
  message: z.string(),
  /** The domain whose record has the problem. */
  domain: z.string(),
  /** How the walk reached that record: the checked domain, then "include:<name>" / "redirect=<name>" links. */
  chain: z.array(z.string()),
  /** The term as written; null for a problem of the whole record or tree. */
  term: z.string().nullable(),
});
export type SpfProblem = z.infer<typeof spfProblem>;

/** One term of one record of the tree, as the walk met it. */
export const spfTerm = z.object({
  chain: z.array(z.string()),
  domain: z.string(),
  term: z.string(),
  /** Counted against the limit of 10 DNS-querying terms (RFC 7208 §4.6.4). */
  lookup: z.boolean(),
  /** Its query found nothing (NODATA or NXDOMAIN, §4.6.4). */
  voidLookup: z.boolean(),
  /** DNS questions the term asked (an mx asks one per MX host besides its own). */
  queries: z.number().int(),
  /** match, no-match, skipped, or the result it produced (permerror, temperror …). */
  outcome: z.string(),
  problems: z.array(z.enum(SPF_PROBLEM_CODES)),
  /**
   * False for a term no receiver evaluates: after "all" in its record (RFC 7208 §5.1), a redirect=
   * beside "all" (§6.1), or anything in a record only such a term leads to. Absent in older evidence.
   */
  reachable: z.boolean().optional(),
});
export type SpfTerm = z.infer<typeof spfTerm>;

/**
 * The linter's view of the whole include/redirect tree, from one full walk of check_host().
 * Lookups are counted as receivers and the classic linters count them: every include, a, mx, ptr,
 * exists and redirect of the tree, each include followed to its end, a redirect followed unless the
 * record has "all"; mechanisms after a match still count. ip4, ip6, all and exp do not count.
 */
export const spfLint = z.object({
  /** The identity the walk evaluated: a documentation address (RFC 5737) and postmaster@<domain>. */
  ip: z.string(),
  sender: z.string(),
  /** check_host()'s result for that identity, as a receiver computes it, and why. */
  result: z.enum(SPF_RESULT_VALUES),
  reason: z.string(),
  lookups: z.number().int(),
  voidLookups: z.number().int(),
  /** Every record of the tree was read (no DNS failure hid part of it, the walk was not cut short). */
  complete: z.boolean(),
  /** The qualifier of the record's "all", or of the record a redirect leads to; null when none. */
  allQualifier: z.enum(["+", "-", "~", "?"]).nullable(),
  /** The domain whose record holds that "all". */
  allDomain: z.string().nullable(),
  /** spf.protection.outlook.com is included, directly or nested (or is a redirect target). */
  exoIncluded: z.boolean(),
  /** How it is reached, e.g. ["example.gov.uk", "include:spf.protection.outlook.com"]. */
  exoChain: z.array(z.string()).nullable(),
  /** Each v=spf1 record at the domain (in the order of `records`): its octets and each string's. */
  sizes: z.array(z.object({ bytes: z.number().int(), strings: z.array(z.number().int()) })),
  /** Records of the retired type SPF (99) at the domain; error when that query failed. */
  spfType: z.object({
    error: evidenceError.nullable(),
    records: z.array(z.string()),
    /** False when it was not asked (ProbeContext.spfTypeRecords): no rule reads it. Absent in older evidence, which always asked. */
    asked: z.boolean().default(true),
  }),
  terms: z.array(spfTerm),
  problems: z.array(spfProblem),
});
export type SpfLint = z.infer<typeof spfLint>;

/** The SPF record(s) published at the domain (RFC 7208 §4.5: TXT records that begin "v=spf1"). */
export const spfEvidence = z.object({
  error: evidenceError.nullable(),
  lookup: dnsLookup.nullable(),
  /** Each v=spf1 record, its character-strings concatenated (RFC 7208 §3.3). */
  records: z.array(z.string()),
  /** Each v=spf1 record's character-strings as published, for the size rules. */
  strings: z.array(z.array(z.string())),
  /** The linter's walk of the record tree; null when there is no record (or the lookup failed). */
  lint: spfLint.nullable(),
});
export type SpfEvidence = z.infer<typeof spfEvidence>;
