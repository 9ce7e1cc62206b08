// The domains a run assesses: from --domain and --domains-file, normalised (A-labels, lower case,
// no trailing dot) and de-duplicated. Every bad line is named, and nothing runs until all are good.
import { readFile } from "node:fs/promises";
import { normalizeDomain } from "../dns/name.js";
import { InputError } from "../evidence/io.js";
import type { DomainTarget } from "./domain.js";

export async function readTargets(domains: string[], file?: string): Promise<DomainTarget[]> {
  const problems: string[] = [];
  const targets: DomainTarget[] = [];
  const seen = new Set<string>();
  const add = (input: string, source: DomainTarget["source"], where: string) => {
    const r = normalizeDomain(input);
    if (!r.ok) problems.push(`${where}: "${input.slice(0, 80)}": ${r.reason}`);
    else if (!seen.has(r.name)) {
      seen.add(r.name);
      targets.push({ name: r.name, input, source });
    }
  };
  domains.forEach((d, i) => add(d, "cli", `--domain #${i + 1}`));
  if (file) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      throw new InputError(`cannot read the domains file ${file}: ${(err as Error).message}`);
    }
    text.split(/\r?\n/).forEach((line, i) => {
      // One domain per line; `#` starts a comment, blank lines are skipped.
      const content = line.replace(/#.*$/, "").trim();
      if (content !== "") add(content, "file", `${file}:${i + 1}`);
    });
  }
  if (problems.length > 0) throw new InputError(`invalid domain names:\n  ${problems.join("\n  ")}`);
  return targets;
}
