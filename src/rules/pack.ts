// Loading a rule pack: pack.yaml and one YAML file per rule. Everything is checked at load —
// schema, unique ids, file names, every CEL expression — and a problem names its file and line.
import type { ErrorCode } from "../evidence/errors.js";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { type Program, type Template, compile, compileTemplate } from "./cel.js";
import { type CompiledLet } from "./lets.js";
import { checkLets } from "./let-check.js";
import { type PackFile, type PolicyFile, type RuleFile, packFile, policyFile, ruleFile } from "./rule-schema.js";
import { LoadError } from "../input/errors.js";
import { readYaml } from "../input/yaml-file.js";

export interface CompiledOutcome { status: RuleFile["outcomes"][number]["status"]; if: Program; message: Template; cause?: ErrorCode }

export interface Rule {
  file: string;
  meta: RuleFile;
  /** The `let:` bindings, in their order. */
  lets: CompiledLet[];
  when: Program | null;
  whenNot: Template | null;
  outcomes: CompiledOutcome[];
  pass: Template;
  remediation: Template;
  /** The line of a path in the rule file, for problems found after load (an example's evidence). */
  lineOf: (path: (string | number)[]) => number | null;
}

export interface Pack {
  dir: string;
  meta: PackFile;
  rules: Rule[];
  /** The policies in policies/*.yaml, each judged requirement by requirement in every report. */
  policies: PolicyFile[];
}

/** Which variables a rule of each scope sees (docs/rules.md "Subjects"). */
export const SCOPE_VARIABLES: Record<RuleFile["scope"], string[]> = {
  domain: ["domain", "mxHosts", "tenant", "params", "resolver"],
  mx: ["mx", "tenant", "params", "resolver"],
  tenant: ["tenant", "domains", "mxHosts", "params", "resolver"],
  connector: ["connector", "tenant", "domains", "params", "resolver"],
  message: ["message", "tenant", "params", "resolver"],
};

export function loadPack(dir: string): Pack {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new LoadError(dir, null, `cannot read the rule pack folder: ${(err as Error).message}`);
  }
  if (!names.includes("pack.yaml")) throw new LoadError(join(dir, "pack.yaml"), null, "a rule pack needs a pack.yaml");
  const meta = readYaml(join(dir, "pack.yaml"), packFile).value;
  const rules = names
    .filter((n) => /\.ya?ml$/.test(n) && n !== "pack.yaml")
    .sort()
    .map((n) => loadRule(join(dir, n)));
  const seen = new Map<string, string>();
  for (const r of rules) {
    const other = seen.get(r.meta.id);
    if (other) throw new LoadError(r.file, 1, `rule id ${r.meta.id} is also defined in ${other}`);
    seen.set(r.meta.id, r.file);
  }
  const policies = loadPolicies(join(dir, "policies"));
  checkPolicyLinks(rules, policies);
  return { dir, meta, rules, policies };
}

/** policies/*.yaml beside the rules; a pack without the folder has none. */
function loadPolicies(dir: string): PolicyFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new LoadError(dir, null, `cannot read the policies folder: ${(err as Error).message}`);
  }
  const policies = names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => {
    const file = join(dir, n);
    const y = readYaml(file, policyFile);
    if (basename(file).replace(/\.ya?ml$/, "") !== y.value.id) throw new LoadError(file, y.lineOf(["id"]), `the file of policy ${y.value.id} must be named ${y.value.id}.yaml`);
    const ids = new Set<string>();
    y.value.requirements.forEach((r, i) => {
      if (ids.has(r.id)) throw new LoadError(file, y.lineOf(["requirements", i, "id"]), `requirement ${r.id} is listed twice`);
      ids.add(r.id);
    });
    return y.value;
  });
  return policies;
}

/** A rule that names a requirement its pack's policy does not have would vanish from the view. */
function checkPolicyLinks(rules: Rule[], policies: PolicyFile[]): void {
  for (const p of policies) {
    const ids = new Set(p.requirements.map((r) => r.id));
    for (const rule of rules) {
      (rule.meta.crosswalk?.[p.id] ?? []).forEach((id, i) => {
        if (!ids.has(id)) {
          throw new LoadError(rule.file, rule.lineOf(["crosswalk", p.id, i]), `crosswalk ${p.id}: ${id} is not a requirement of ${p.title} (policies/${p.id}.yaml has ${[...ids].join(", ")})`);
        }
      });
    }
  }
}

export function loadRule(file: string): Rule {
  const y = readYaml(file, ruleFile);
  const meta = y.value;
  if (basename(file).replace(/\.ya?ml$/, "") !== meta.id) {
    throw new LoadError(file, y.lineOf(["id"]), `the file of rule ${meta.id} must be named ${meta.id}.yaml`);
  }
  const vars = SCOPE_VARIABLES[meta.scope];
  meta.inputs.forEach((input, i) => {
    const root = input.split(".")[0]!;
    if (!vars.includes(root)) {
      throw new LoadError(file, y.lineOf(["inputs", i]), `input ${input}: a ${meta.scope} rule sees ${vars.join(", ")}`);
    }
  });
  if (meta.roles && meta.scope !== "domain") throw new LoadError(file, y.lineOf(["roles"]), "roles apply to domain rules only");
  const cel = (source: string, path: (string | number)[]) => {
    try {
      return compile(source);
    } catch (err) {
      throw new LoadError(file, y.lineOf(path), `CEL does not parse: ${(err as Error).message}`);
    }
  };
  const tpl = (source: string, path: (string | number)[]) => {
    try {
      return compileTemplate(source);
    } catch (err) {
      throw new LoadError(file, y.lineOf(path), `message template: ${(err as Error).message}`);
    }
  };
  const rule: Rule = {
    file,
    meta,
    lets: Object.entries(meta.let ?? {}).map(([name, source]) => ({ name, program: cel(source, ["let", name]) })),
    when: meta.when ? cel(meta.when, ["when"]) : null,
    whenNot: meta.whenNot ? tpl(meta.whenNot, ["whenNot"]) : null,
    outcomes: meta.outcomes.map((o, i) => ({ status: o.status, if: cel(o.if, ["outcomes", i, "if"]), message: tpl(o.message, ["outcomes", i, "message"]), ...(o.cause ? { cause: o.cause } : {}) })),
    pass: tpl(meta.pass, ["pass"]),
    remediation: tpl(meta.remediation, ["remediation"]),
    lineOf: y.lineOf,
  };
  checkLets(file, meta, vars, y.lineOf);
  return rule;
}
