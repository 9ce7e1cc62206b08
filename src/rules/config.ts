// The user's config: parameter values, severity overrides and waivers. Checked against the pack so
// a misspelt rule id or parameter fails loudly instead of silently not applying.
import type { ConfigFile } from "./rule-schema.js";
import { configFile } from "./rule-schema.js";
import type { Pack } from "./pack.js";
import { LoadError } from "../input/errors.js";
import { readYaml } from "../input/yaml-file.js";
import { describeType, parameterType, typeProblem } from "./parameter-type.js";

export const EMPTY_CONFIG: ConfigFile = { parameters: {}, severity: {}, waivers: [] };

export function loadConfig(file: string, pack: Pack): ConfigFile {
  const y = readYaml(file, configFile);
  const c = y.value;
  const ids = new Set(pack.rules.map((r) => r.meta.id));
  for (const [name, value] of Object.entries(c.parameters)) {
    const declared = pack.meta.parameters[name];
    if (!declared) {
      throw new LoadError(file, y.lineOf(["parameters", name]), `unknown parameter ${name}; the pack has: ${Object.keys(pack.meta.parameters).join(", ")}`);
    }
    const type = parameterType(declared);
    const problem = type ? typeProblem(type, value) : null;
    if (type && problem) {
      throw new LoadError(file, y.lineOf(["parameters", name]), `parameter ${name} must be ${describeType(type)}, got ${problem}`);
    }
  }
  for (const id of Object.keys(c.severity)) {
    if (!ids.has(id)) throw new LoadError(file, y.lineOf(["severity", id]), `severity override for unknown rule ${id}`);
  }
  c.waivers.forEach((w, i) => {
    if (!ids.has(w.rule)) throw new LoadError(file, y.lineOf(["waivers", i, "rule"]), `waiver for unknown rule ${w.rule}`);
    if (Number.isNaN(Date.parse(`${w.expires}T23:59:59Z`))) throw new LoadError(file, y.lineOf(["waivers", i, "expires"]), `not a date: ${w.expires}`);
    // A subject is written as findings write it (docs/rules.md): a bare name would never match.
    if (!/^(\*|tenant|(domain|mx|connector|message):.+)$/.test(w.subject)) {
      const kind = { domain: "domain", mx: "mx", connector: "connector", message: "message", tenant: "tenant" }[pack.rules.find((r) => r.meta.id === w.rule)!.meta.scope] ?? "domain";
      throw new LoadError(file, y.lineOf(["waivers", i, "subject"]), `waiver subject ${JSON.stringify(w.subject)} is not how findings name subjects: write ${kind === "tenant" ? "tenant" : `${kind}:${w.subject}`} (subjects are domain:<name>, mx:<host>, connector:<name>, message:<file>, tenant, or * for all)`);
    }
  });
  return c;
}

export function parametersOf(pack: Pack, config: ConfigFile): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(pack.meta.parameters)) params[name] = name in config.parameters ? config.parameters[name] : p.default;
  return params;
}
