// examples/contoso-county-bundle.json is what the export script writes for the sample tenant: kept
// in step with the sandbox (npm run docs), and read by --tenant-bundle without a complaint.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { normalizeTenant } from "../../src/collect/normalize.js";
import { parseBundle } from "../../src/collect/powershell-import.js";
import { EXAMPLE_BUNDLE_FILE, exampleBundleJson } from "../../src/sandbox/example-bundle.js";
import { EXAMPLE_MESSAGES, exampleMessage } from "../../src/sandbox/example-messages.js";

describe(EXAMPLE_BUNDLE_FILE, () => {
  const text = readFileSync(EXAMPLE_BUNDLE_FILE, "utf8");
  it("is the sandbox's rendering of the sample tenant (run npm run docs after changing it)", () => {
    assert.ok(text === exampleBundleJson(), `${EXAMPLE_BUNDLE_FILE} is out of date: run npm run docs`);
  });
  it("reads as complete tenant evidence: every collector, no error, no doubt", () => {
    const t = normalizeTenant(parseBundle(JSON.parse(text), EXAMPLE_BUNDLE_FILE), { cloud: null, collectedBy: { method: "bundle", clientId: null, certificateThumbprintSha256: null, bundleFile: EXAMPLE_BUNDLE_FILE } });
    const sections = [t.organization, t.domains, t.acceptedDomains, t.inboundConnectors, t.outboundConnectors, t.dkimSigningConfigs, t.arcConfig, t.transportRules, t.organizationConfig];
    for (const s of sections) {
      assert.equal(s.error, null);
      assert.deepEqual(s.warnings, []);
    }
    for (const d of Object.values(t.dnssecStatus.domains)) assert.deepEqual([d.error, d.warnings], [null, []]);
    assert.equal(t.dnssecStatus.domains["contoso-libraries.example"]?.expectedMxRecord, "contoso-libraries-example.r-v1.mx.microsoft");
    assert.equal(t.tenantId, "8f3c2a61-5d4e-4b7a-9c1f-2e6d0a9b7c35");
  });
});

describe("examples/messages", () => {
  for (const m of EXAMPLE_MESSAGES) {
    it(`${m.file} is the sandbox's rendering (run npm run docs after changing it)`, () => {
      assert.ok(readFileSync(m.file, "utf8") === exampleMessage(m.ef), `${m.file} is out of date: run npm run docs`);
    });
  }
});
