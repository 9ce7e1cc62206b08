// Reading a PowerShell bundle: the script's output is taken as complete only when it is complete;
// anything else is a one-line error (the CLI's exit 2) or an evidence error, never a silent gap.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BUNDLE_FORMAT, parseBundle, readBundle } from "../../src/collect/powershell-import.js";
import { InputError } from "../../src/input/errors.js";
import { bundleOf } from "../../src/sandbox/bundle.js";
import { contosoScenario } from "../../src/sandbox/tenants/index.js";
import { tempDir } from "../helpers/tmp.js";

const good = () => bundleOf(contosoScenario(), { collectedAt: "2025-01-01T00:00:00Z" }) as Record<string, unknown> & { cmdlets: Record<string, unknown> };

describe("a good bundle", () => {
  it("becomes the raw shape, every cmdlet present", () => {
    const raw = parseBundle(good(), "b.json");
    assert.equal(raw.source, "bundle");
    assert.equal(raw.collectedAt, "2025-01-01T00:00:00.000Z");
    assert.equal(raw.cmdlets["Get-AcceptedDomain"].objects.length, 4);
    assert.ok(Object.values(raw.cmdlets).every((o) => o.error === null));
    assert.deepEqual(Object.keys(raw.perDomain["Get-DnssecStatusForVerifiedDomain"].domains).sort(), ["contoso-county.example", "contoso-heritage.example", "contoso-libraries.example"]);
    assert.equal(raw.graph.organization.objects[0]!.displayName, "Contoso County Council");
  });
  it("reads a file with a byte order mark (Windows PowerShell 5.1)", async () => {
    const dir = tempDir({ "b.json": `\uFEFF${JSON.stringify(good())}` });
    assert.equal((await readBundle(`${dir}/b.json`)).tenantId, contosoScenario().tenantId);
  });
  it("accepts cmdlet names in any case and one object where a list belongs", () => {
    const b = good();
    b.cmdlets["get-arcconfig"] = { ArcTrustedSealers: "x.example" };
    delete b.cmdlets["Get-ArcConfig"];
    assert.equal(parseBundle(b, "b.json").cmdlets["Get-ArcConfig"].objects.length, 1);
  });
});

describe("what the bundle says went wrong is kept", () => {
  it("a failed cmdlet is an evidence error, not an empty list", () => {
    const b = { ...good(), errors: { "Get-TransportRule": "The term 'Get-TransportRule' is not recognized", "Get-DnssecStatusForVerifiedDomain": { "contoso-county.example": "timed out" } } };
    delete b.cmdlets["Get-TransportRule"];
    const raw = parseBundle(b, "b.json");
    assert.equal(raw.cmdlets["Get-TransportRule"].error?.code, "BUNDLE_CMDLET_FAILED");
    assert.match(raw.cmdlets["Get-TransportRule"].error!.message, /not recognized/);
    assert.equal(raw.perDomain["Get-DnssecStatusForVerifiedDomain"].domains["contoso-county.example"]!.error?.code, "BUNDLE_CMDLET_FAILED");
  });
  it("a missing cmdlet, a missing domain and missing Graph data are each 'not collected'", () => {
    const b = good();
    delete b.cmdlets["Get-InboundConnector"];
    delete (b.cmdlets["Get-SmtpDaneInboundStatus"] as Record<string, unknown>)["contoso-heritage.example"];
    delete b.graph;
    const raw = parseBundle(b, "b.json");
    assert.equal(raw.cmdlets["Get-InboundConnector"].error?.code, "BUNDLE_MISSING");
    assert.equal(raw.perDomain["Get-SmtpDaneInboundStatus"].domains["contoso-heritage.example"]!.error?.code, "BUNDLE_MISSING");
    assert.equal(raw.graph.organization.error?.code, "BUNDLE_MISSING");
    assert.match(raw.graph.domains.error!.message, /-IncludeGraph/);
  });
  it("PowerShell warnings make the cmdlet's list possibly truncated", () => {
    const raw = parseBundle({ ...good(), warnings: { "Get-TransportRule": ["There are more results available"] } }, "b.json");
    assert.equal(raw.cmdlets["Get-TransportRule"].possiblyTruncated, true);
  });
});

describe("a bad bundle is refused in one line", () => {
  const cases: [string, () => unknown, RegExp][] = [
    ["a list", () => [], /is not an exo-posture bundle/],
    ["no format", () => ({ ...good(), format: undefined }), /is not an exo-posture bundle/],
    ["another format", () => ({ ...good(), format: "exo-posture-bundle/9" }), /has format "exo-posture-bundle\/9"; this version reads "exo-posture-bundle\/1"/],
    ["no tenant id", () => ({ ...good(), tenantId: undefined }), /\/tenantId/],
    ["a bad date", () => ({ ...good(), collectedAt: "yesterday" }), /\/collectedAt: must be a date/],
    ["a tenant id that is neither", () => ({ ...good(), tenantId: "not a tenant" }), /tenantId "not a tenant" is neither/],
    ["an unknown cmdlet", () => ({ ...good(), cmdlets: { ...good().cmdlets, "Set-InboundConnector": [] } }), /cmdlets this tool does not read: Set-InboundConnector/],
    ["an unknown cmdlet among the errors", () => ({ ...good(), errors: { "Get-Mailbox": "x" } }), /does not read: Get-Mailbox/],
    ["a string where objects belong", () => ({ ...good(), cmdlets: { ...good().cmdlets, "Get-InboundConnector": "Mimecast" } }), /cmdlets\.Get-InboundConnector must be an object as the cmdlet returns it, got the string "Mimecast"/],
    ["numbers in a list", () => ({ ...good(), cmdlets: { ...good().cmdlets, "Get-TransportRule": [{ Name: "a" }, 3] } }), /Get-TransportRule\[1\] must be an object/],
    ["a list where domains belong", () => ({ ...good(), cmdlets: { ...good().cmdlets, "Get-SmtpDaneInboundStatus": [] } }), /must map each domain to its output, got a list/],
    ["cmdlets not an object", () => ({ ...good(), cmdlets: [] }), /\/cmdlets/],
  ];
  for (const [name, bundle, message] of cases) {
    it(name, () => {
      assert.throws(() => parseBundle(bundle(), "b.json"), (e) => e instanceof InputError && message.test(e.message) && !e.message.includes("\n"));
    });
  }
  it("a file that is not JSON (cut short) or not there", async () => {
    const text = JSON.stringify(good());
    const dir = tempDir({ "cut.json": text.slice(0, text.length / 2), "empty.json": "" });
    await assert.rejects(readBundle(`${dir}/cut.json`), (e) => e instanceof InputError && /is not JSON .*cut short/.test(e.message));
    await assert.rejects(readBundle(`${dir}/empty.json`), (e) => e instanceof InputError && /is not JSON/.test(e.message));
    await assert.rejects(readBundle(`${dir}/none.json`), (e) => e instanceof InputError && /cannot read the tenant bundle .*ENOENT/.test(e.message));
  });
  it("names the format the script writes", () => assert.equal(BUNDLE_FORMAT, "exo-posture-bundle/1"));
});
