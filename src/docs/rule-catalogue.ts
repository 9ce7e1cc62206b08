// The rule catalogue of docs/rules.md, rendered from the loaded pack so the page and the rules
// cannot drift apart (test/unit/rule-catalogue.test.ts compares the committed page with this).
import { CONTROLS } from "../rules/controls.js";
import type { Pack } from "../rules/pack.js";

export const CATALOGUE_START = "<!-- rule-catalogue:start -->";
export const CATALOGUE_END = "<!-- rule-catalogue:end -->";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

export function renderRuleCatalogue(pack: Pick<Pack, "rules"> & Partial<Pick<Pack, "policies">>): string {
  const out: string[] = [];
  // Each policy of the pack, requirement by requirement, with the rules that decide it.
  for (const p of pack.policies ?? []) {
    out.push(`### ${p.title}`, "", `As [${p.source.title}](${p.source.url}) states it; the reports judge each requirement from the rules beside it (policies/${p.id}.yaml).`, "");
    out.push("| requirement | level | decided by | source |", "|---|---|---|---|");
    for (const r of p.requirements) {
      const rules = pack.rules.filter((x) => x.meta.crosswalk?.[p.id]?.includes(r.id)).map((x) => `\`${x.meta.id}\``).sort();
      out.push(`| ${cell(r.text)} | ${r.level} | ${rules.length > 0 ? rules.join(", ") : `not checked: ${cell(r.checks)}`} | [${cell(r.source.title)}](${r.source.url}) |`);
    }
    out.push("");
  }
  for (const control of CONTROLS) {
    const rules = pack.rules.filter((r) => r.meta.control === control.id).sort((a, b) => a.meta.id.localeCompare(b.meta.id));
    if (rules.length === 0) continue;
    out.push(`### ${control.label}`, "", "| id | subject | roles | severity | checks |", "|---|---|---|---|---|");
    for (const r of rules) {
      const m = r.meta;
      out.push(`| [\`${m.id}\`](../rules/ncsc/${m.id}.yaml) | ${m.scope} | ${m.roles ? m.roles.join(", ") : "all"} | ${m.severity} | ${cell(m.title)} |`);
    }
    out.push("");
  }
  return out.join("\n");
}

/** The page with the part between the markers replaced by the rendered catalogue. */
export function withRuleCatalogue(page: string, pack: Pick<Pack, "rules"> & Partial<Pick<Pack, "policies">>): string {
  const start = page.indexOf(CATALOGUE_START);
  const end = page.indexOf(CATALOGUE_END);
  if (start < 0 || end < start) throw new Error(`docs/rules.md lacks the markers ${CATALOGUE_START} … ${CATALOGUE_END}`);
  return `${page.slice(0, start + CATALOGUE_START.length)}\n${renderRuleCatalogue(pack)}${page.slice(end)}`;
}
