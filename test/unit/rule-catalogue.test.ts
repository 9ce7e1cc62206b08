// The rule ids of the catalogue (docs/rules.md) are a public contract: users write waivers and configs
// against them. Every one must exist in the shipped pack, and `rules show` must render each as a page.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadPack } from "../../src/rules/index.js";
import { renderRulePage } from "../../src/rules/page.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultRulesDir, packageRoot } from "../../src/paths.js";
import { renderRuleCatalogue, withRuleCatalogue } from "../../src/docs/rule-catalogue.js";

const CATALOGUE = [
  "spf.present", "spf.valid", "spf.all-strict", "spf.no-ptr", "spf.size", "spf.exo-included", "spf.dead-terms",
  "dmarc.present", "dmarc.policy", "dmarc.subdomain-policy", "dmarc.reporting", "dmarc.external-report-auth",
  "dkim.exo-signing", "dkim.key-strength", "parked.locked-down", "moera.protected",
  "starttls.offered", "starttls.tls-version", "mtasts.record", "mtasts.policy", "mtasts.enforce", "mtasts.max-age",
  "mtasts.mx-coverage", "mtasts.mx-certificates", "tlsrpt.record", "tlsrpt.reporting", "dnssec.domain", "dnssec.mx",
  "dane.tlsa", "dane.match", "dane.rollover", "dane.exo-inbound", "dane.mtasts-consistent",
  "gateway.detected", "gateway.enhanced-filtering", "gateway.connector-lockdown", "gateway.arc-trusted-sealer",
  "gateway.stale-connector", "exo.reject-direct-send", "connector.inbound-tls", "connector.outbound-tls",
  "connector.outbound-downgrade", "portal.quarantine", "portal.encrypted-inbound", "arc.sample-chain",
];

const pack = loadPack(defaultRulesDir);

describe("the rule catalogue", () => {
  it("is the catalogue docs/rules.md shows, rendered from the pack", () => {
    const page = readFileSync(join(packageRoot, "docs", "rules.md"), "utf8");
    assert.ok(page === withRuleCatalogue(page, pack), "docs/rules.md is out of date: run npm run docs");
    for (const r of pack.rules) assert.ok(renderRuleCatalogue(pack).includes(`[\`${r.meta.id}\`]`), r.meta.id);
  });

  it("keeps every published id in the shipped pack (ids are never renamed)", () => {
    const ids = new Set(pack.rules.map((r) => r.meta.id));
    assert.deepEqual(CATALOGUE.filter((id) => !ids.has(id)), []);
  });

  for (const rule of pack.rules) {
    it(`renders ${rule.meta.id} as a readable page`, () => {
      const page = renderRulePage(rule, pack);
      assert.ok(page.startsWith(`${rule.meta.id} — ${rule.meta.title}`));
      for (const heading of ["What it checks and why", "What it reports", "How to fix", "References"]) assert.ok(page.includes(heading), heading);
      // Readable: no raw CEL templates left on the page a consultant reads.
      assert.doesNotMatch(page, /\{\{/, "a {{ template }} was left unrendered");
      assert.match(renderRulePage(rule, pack, { cel: true }), /when /);
      assert.ok(rule.meta.references.every((r) => /^https:\/\//.test(r.url)), "references are https links");
    });
  }
});
