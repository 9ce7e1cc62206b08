// What the loader checks of a rule's `let:` bindings, so that a name reads as one thing only:
// each is an identifier, shadows no variable of the rule's scope, uses only the variables and the
// bindings above it, and is used somewhere (a binding nobody reads is a page that misleads).
// Two bindings of one name cannot reach here: the YAML reader refuses duplicate keys.
import { identifiers, templateParts } from "./cel.js";
import type { RuleFile } from "./rule-schema.js";
import { LoadError } from "../input/errors.js";

// CEL's reserved words cannot name anything (cel-spec, Syntax: Reserved).
const RESERVED = new Set(["true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if",
  "import", "let", "loop", "package", "namespace", "return", "var", "void", "while"]);

/** Expressions of a rule that parsed already (the loader compiled them first). */
export function checkLets(file: string, meta: RuleFile, vars: string[], lineOf: (path: (string | number)[]) => number | null): void {
  const lets = Object.entries(meta.let ?? {});
  const names = lets.map(([name]) => name);
  lets.forEach(([name, source], i) => {
    const fail = (reason: string) => new LoadError(file, lineOf(["let", name]), `let ${name}: ${reason}`);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || RESERVED.has(name)) throw fail("a binding's name must be a CEL identifier (letters, digits, _) and not a reserved word");
    if (vars.includes(name)) throw fail(`shadows the variable ${name} of a ${meta.scope} rule; choose another name`);
    const later = [...identifiers(source)].find((id) => names.indexOf(id) >= i);
    if (later) throw fail(later === name ? "uses itself" : `uses ${later}, which is defined below it (a binding may use only the ones above it)`);
  });
  const used = new Set<string>();
  for (const source of [...lets.map(([, s]) => s), ...conditions(meta)]) for (const id of identifiers(source)) used.add(id);
  const unused = names.find((n) => !used.has(n));
  if (unused) throw new LoadError(file, lineOf(["let", unused]), `let ${unused}: is never used`);
}

/** Every CEL source of the rule outside `let:`: conditions and each `{{ }}` of its templates. */
function conditions(meta: RuleFile): string[] {
  const templates = [meta.whenNot ?? "", ...meta.outcomes.map((o) => o.message), meta.pass, meta.remediation];
  return [
    ...(meta.when ? [meta.when] : []),
    ...meta.outcomes.map((o) => o.if),
    ...templates.flatMap((t) => templateParts(t).flatMap((p) => (typeof p === "string" ? [] : [p.cel]))),
  ];
}
