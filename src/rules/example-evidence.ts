// An example may describe only evidence the probes can produce: each variable of its `given` is
// checked, strictly and deep-partially, against the evidence schema of that variable, so a rule
// cannot be proven against a key that is misspelt, moved or never written.
import { z } from "zod";
import { domainEvidence } from "../evidence/domain.js";
import { resolverEvidence } from "../evidence/evidence.js";
import { messageEvidence } from "../evidence/message.js";
import { mxHostEvidence } from "../evidence/mx-host.js";
import { connector, tenantEvidence } from "../evidence/tenant.js";
import type { Pack, Rule } from "./pack.js";
import { SCOPE_VARIABLES } from "./pack.js";
import { partialProblems } from "./partial-schema.js";

/** What each variable holds, as subjects.ts builds it from the evidence. */
const VARIABLE_SCHEMAS: Record<string, z.ZodType> = {
  domain: domainEvidence,
  mx: mxHostEvidence,
  // A domain's MX host that was not probed is null.
  mxHosts: z.record(z.string(), mxHostEvidence.nullable()),
  tenant: tenantEvidence.nullable(),
  connector,
  domains: z.array(domainEvidence),
  message: messageEvidence,
  resolver: resolverEvidence,
};

/** Each problem as `<file>:<line>: example "<name>": <variable path>: <reason>`. */
export function exampleEvidenceProblems(pack: Pack, rule: Rule): string[] {
  const sees = SCOPE_VARIABLES[rule.meta.scope];
  return rule.meta.examples.flatMap((ex, i) => {
    const at = (path: (string | number)[], reason: string) => {
      const line = rule.lineOf(["examples", i, "given", ...path]);
      return `${rule.file}${line ? `:${line}` : ""}: example "${ex.name}": ${pathText(path)}: ${reason}`;
    };
    return Object.entries(ex.given).flatMap(([name, value]) => {
      if (!sees.includes(name)) return [at([name], `a ${rule.meta.scope} rule sees ${sees.join(", ")}`)];
      if (name === "params") return paramProblems(pack, value).map((p) => at(p.path, p.reason));
      return partialProblems(VARIABLE_SCHEMAS[name]!, value).map((p) => at([name, ...p.path], p.reason));
    });
  });
}

/** Parameters are the pack's: only their names are known (their values are the pack's business). */
function paramProblems(pack: Pack, value: unknown): { path: (string | number)[]; reason: string }[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [{ path: ["params"], reason: "expected a map of the pack's parameters" }];
  const known = Object.keys(pack.meta.parameters);
  return Object.keys(value).filter((k) => !known.includes(k)).map((k) => ({ path: ["params", k], reason: `the pack has no such parameter (it has: ${known.join(", ")})` }));
}

/** `domain.mailPath.gateways[0].name`, `mxHosts["mx.example"].dane`. */
function pathText(path: (string | number)[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `${i > 0 ? "." : ""}${p}` : `[${JSON.stringify(p)}]`))
    .join("");
}
