// What the macro letters stand for during one evaluation (RFC 7208 §7.3), and the expansion of a
// domain-spec into the name a term asks about.
import { type NameCheck, targetName } from "./domain-spec.js";
import { dottedForm, readableForm } from "./ip.js";
import { expandMacroString, type MacroToken, type MacroValues, usesLetter } from "./macro.js";
import { isAtOrUnder, validatedNames } from "./ptr.js";
import type { SpfStep } from "./types.js";
import type { Walk } from "./walk.js";

export async function macroValues(walk: Walk, step: Pick<SpfStep, "queries">, domain: string, tokens: MacroToken[]): Promise<MacroValues> {
  const { local, domain: senderDomain } = walk.sender;
  return {
    s: `${local}@${senderDomain}`,
    l: local,
    o: senderDomain,
    d: domain,
    i: dottedForm(walk.ip),
    // Only looked up when a macro uses it: %{p} costs a PTR query and up to 10 address queries.
    p: usesLetter(tokens, "p") ? await pValue(walk, step, domain) : "unknown",
    h: walk.helo,
    c: readableForm(walk.ip),
    r: walk.receiver,
    t: String(Math.floor(walk.now() / 1000)),
    v: walk.ip.version === 4 ? "in-addr" : "ip6",
  };
}

/**
 * §7.3: the validated name of <ip>: <domain> itself if validated, else a subdomain of it, else any
 * validated name; "unknown" when there is none or DNS fails.
 */
async function pValue(walk: Walk, step: Pick<SpfStep, "queries">, domain: string): Promise<string> {
  walk.validatedNames ??= validatedNames(walk, step);
  const names = await walk.validatedNames;
  return names.find((n) => n === domain) ?? names.find((n) => isAtOrUnder(n, domain)) ?? names[0] ?? "unknown";
}

/** A mechanism's <target-name>: its domain-spec expanded (§4.8), or the current domain when it has none. */
export async function expandTarget(walk: Walk, step: Pick<SpfStep, "queries">, spec: MacroToken[] | null, domain: string): Promise<NameCheck> {
  if (spec === null) return { ok: true, name: domain };
  return targetName(expandMacroString(spec, await macroValues(walk, step, domain, spec)));
}
