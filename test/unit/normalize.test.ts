// The normalizer: liberal in what it reads (every shape a cmdlet value comes in), strict in what it
// writes (the tenant schema), and honest about what it could not read.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PER_DOMAIN_CMDLETS, TENANT_CMDLETS } from "../../src/collect/allow-list.js";
import { PropertyReader } from "../../src/collect/coerce.js";
import { normalizeTenant } from "../../src/collect/normalize.js";
import type { Outcome, RawTenant } from "../../src/collect/raw.js";
import { redactRaw } from "../../src/collect/redact.js";
import type { ErrorCode } from "../../src/evidence/errors.js";
import { tenantEvidence } from "../../src/evidence/tenant.js";

const read = (obj: Record<string, unknown>) => {
  const warnings: string[] = [];
  return { r: new PropertyReader(obj, warnings, "test"), warnings };
};

describe("reading one property", () => {
  const bools: [unknown, boolean | null, boolean][] = [
    [true, true, false],
    ["True", true, false],
    ["$false", false, false],
    [1, true, false],
    [0, false, false],
    [null, null, false],
    [undefined, null, false],
    ["maybe", null, true],
    [2, null, true],
  ];
  for (const [v, expect, warns] of bools) {
    it(`bool ${JSON.stringify(v)} → ${expect}${warns ? " with a warning" : ""}`, () => {
      const { r, warnings } = read({ X: v });
      assert.equal(r.bool("X"), expect);
      assert.equal(warnings.length > 0, warns);
    });
  }
  const lists: [unknown, string[]][] = [
    [["a", "b"], ["a", "b"]],
    ["a.example, b.example", ["a.example", "b.example"]],
    ["single", ["single"]],
    [null, []],
    ["", []],
    [[], []],
    [["a", null, " "], ["a"]],
  ];
  for (const [v, expect] of lists) {
    it(`list ${JSON.stringify(v)}`, () => assert.deepEqual(read({ X: v }).r.list("X"), expect));
  }
  it("finds properties whatever their case, never a side key", () => {
    const { r } = read({ efskiplastip: true, "EFSkipLastIP@odata.type": "#Boolean" });
    assert.equal(r.bool("EFSkipLastIP"), true);
    assert.equal(r.get("EFSkipLastIP@odata"), undefined);
  });
  it("maps enums by name in any case, by a known number, and keeps the unknown visibly", () => {
    const known = ["Authoritative", "InternalRelay", "ExternalRelay"] as const;
    const numbers = { 0: "Authoritative", 2: "InternalRelay" } as const;
    const cases: [unknown, string | null, boolean][] = [
      ["internalrelay", "InternalRelay", false],
      [2, "InternalRelay", false],
      [7, "7", true],
      ["Quantum", "Quantum", true],
      [null, null, false],
    ];
    for (const [v, expect, warns] of cases) {
      const { r, warnings } = read({ T: v });
      assert.equal(r.enumOf("T", known, numbers), expect, String(v));
      assert.equal(warnings.length > 0, warns, String(v));
    }
  });
  it("reads ISO dates and Windows PowerShell's \\/Date(ms)\\/", () => {
    assert.equal(read({ D: "/Date(1709287200000)/" }).r.date("D"), "2024-03-01T10:00:00.000Z");
    assert.equal(read({ D: "2024-03-01T10:00:00Z" }).r.date("D"), "2024-03-01T10:00:00.000Z");
  });
  it("reads a value that comes as a string or as a small object", () => {
    assert.equal(read({ M: { Record: "x.mx.microsoft", Priority: 0 } }).r.nested("M", ["Record"]), "x.mx.microsoft");
    assert.equal(read({ M: "x.mx.microsoft" }).r.nested("M", ["Record"]), "x.mx.microsoft");
    const { r, warnings } = read({ M: { Other: 1 } });
    assert.equal(r.nested("M", ["Record"]), null);
    assert.equal(warnings.length, 1);
  });
  it("integers from numbers or digits only", () => {
    assert.equal(read({ N: "2048" }).r.int("N"), 2048);
    assert.equal(read({ N: 1024 }).r.int("N"), 1024);
    assert.equal(read({ N: "big" }).r.int("N"), null);
  });
});

describe("raw objects in the evidence", () => {
  it("keep the facts, drop OData annotations, and redact anything secret-looking", () => {
    const raw = redactRaw({ Name: "c", "Name@odata.type": "#String", ClientSecret: "s3cret", Nested: { Password: "pw", Ok: 1 }, List: [{ AccessToken: "t" }], EmptyPassword: null });
    assert.deepEqual(raw, { Name: "c", ClientSecret: "[redacted]", Nested: { Password: "[redacted]", Ok: 1 }, List: [{ AccessToken: "[redacted]" }], EmptyPassword: null });
  });
});

const ok = (objects: Record<string, unknown>[], warnings: string[] = []): Outcome => ({ error: null, warnings, possiblyTruncated: warnings.length > 0, objects });
const failedWith = (code: ErrorCode): Outcome => ({ error: { code, message: code }, warnings: [], possiblyTruncated: false, objects: [] });

function rawTenant(over: Partial<Record<(typeof TENANT_CMDLETS)[number], Outcome>> = {}): RawTenant {
  const cmdlets = Object.fromEntries(TENANT_CMDLETS.map((c) => [c, ok([])])) as RawTenant["cmdlets"];
  cmdlets["Get-ArcConfig"] = ok([{ ArcTrustedSealers: null }]);
  cmdlets["Get-OrganizationConfig"] = ok([{ RejectDirectSend: false }]);
  return {
    tenantId: "t",
    collectedAt: "2025-01-01T00:00:00.000Z",
    source: "live",
    graph: { organization: ok([{ id: "t", displayName: "T", verifiedDomains: [] }]), domains: ok([]) },
    cmdlets: { ...cmdlets, ...over },
    perDomain: Object.fromEntries(PER_DOMAIN_CMDLETS.map((c) => [c, { error: null, domains: {} }])) as RawTenant["perDomain"],
  };
}
const meta = { cloud: null, collectedBy: { method: "bundle" as const, clientId: null, certificateThumbprintSha256: null, bundleFile: "b.json" } };

describe("normalizeTenant", () => {
  it("emits evidence that fits the schema even from odd shapes", () => {
    const t = normalizeTenant(
      rawTenant({
        "Get-AcceptedDomain": ok([{ domainname: "A.Example.", DomainType: 2, Default: "True", SmtpDaneStatus: "enabled" }, { Name: "no-domainname.example" }, { Other: 1 }]),
        "Get-ArcConfig": ok([{ ArcTrustedSealers: "Mimecast.com, mimecast.com ,proofpoint.com" }]),
        "Get-InboundConnector": ok([{ Name: "In", EFSkipLastIP: "true", EFUsers: "a@x.example,b@x.example", SenderIPAddresses: "192.0.2.0/24" }]),
        "Get-OutboundConnector": ok([{ Name: "Out", TlsSettings: 3 }]),
      }),
      meta,
    );
    assert.ok(tenantEvidence.safeParse(t).success);
    assert.deepEqual(
      t.acceptedDomains.items.map((d) => [d.domainName, d.domainType, d.default, d.smtpDaneStatus]),
      [["a.example", "InternalRelay", true, "Enabled"], ["no-domainname.example", null, null, null]],
    );
    assert.match(t.acceptedDomains.warnings.join("\n"), /without DomainName was skipped/);
    assert.deepEqual(t.arcConfig.arcTrustedSealers, ["mimecast.com", "proofpoint.com"]);
    const [inbound, outbound] = t.connectors;
    assert.equal(inbound?.direction === "inbound" && inbound.efSkipLastIP, true);
    assert.deepEqual(inbound?.direction === "inbound" && inbound.efUsers, ["a@x.example", "b@x.example"]);
    // An enum number nobody has confirmed stays visibly unknown, never a good value.
    assert.equal(outbound?.direction === "outbound" && outbound.tlsSettings, "3");
    assert.match(t.outboundConnectors.warnings.join(), /TlsSettings: the number 3 is not a known value/);
    assert.deepEqual([t.inboundConnectors.count, t.outboundConnectors.count], [1, 1]);
  });
  it("keeps each collector's error in its own section and the rest intact", () => {
    const t = normalizeTenant(rawTenant({ "Get-TransportRule": failedWith("EXO_FORBIDDEN"), "Get-InboundConnector": ok([{ Name: "In" }]) }), meta);
    assert.equal(t.transportRules.error?.code, "EXO_FORBIDDEN");
    assert.deepEqual(t.transportRules.items, []);
    assert.equal(t.inboundConnectors.error, null);
    assert.equal(t.connectors.length, 1);
  });
  it("treats a singleton cmdlet that returned nothing as unknown, not as 'none'", () => {
    const t = normalizeTenant(rawTenant({ "Get-ArcConfig": ok([]), "Get-OrganizationConfig": ok([{ Name: "x" }]) }), meta);
    assert.equal(t.arcConfig.error?.code, "EXO_EMPTY_RESULT");
    assert.equal(t.organizationConfig.rejectDirectSend, null);
    assert.match(t.organizationConfig.warnings.join(), /RejectDirectSend is not in the answer/);
  });
  it("passes warnings and possible truncation through", () => {
    const t = normalizeTenant(rawTenant({ "Get-TransportRule": ok([{ Name: "r" }], ["There are more results available"]) }), meta);
    assert.equal(t.transportRules.possiblyTruncated, true);
    assert.deepEqual(t.transportRules.warnings, ["There are more results available"]);
  });
  it("orders transport rules by priority and names predicates plainly", () => {
    const t = normalizeTenant(
      rawTenant({
        "Get-TransportRule": ok([
          { Name: "b", Priority: 1, Conditions: ["Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SenderDomainIsPredicate"], SenderDomainIs: ["Egress.com"], Quarantine: true },
          { Name: "a", Priority: "0", Actions: "Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SetSCLAction", SetSCL: 9 },
          { Name: "c" },
        ]),
      }),
      meta,
    );
    assert.deepEqual(t.transportRules.items.map((r) => r.name), ["a", "b", "c"]);
    assert.deepEqual(t.transportRules.items[1]!.conditions, ["SenderDomainIs"]);
    assert.deepEqual(t.transportRules.items[1]!.senderDomainIs, ["egress.com"]);
    assert.deepEqual(t.transportRules.items[0]!.actions, ["SetSCL"]);
    assert.equal(t.transportRules.items[0]!.setSCL, 9);
  });
  it("reads the per-domain cmdlets whether nested values are objects or strings", () => {
    const raw = rawTenant();
    raw.perDomain["Get-DnssecStatusForVerifiedDomain"].domains = {
      "a.example": ok([{ DnssecFeatureStatus: { Value: "Enabled" }, ExpectedMxRecord: { Record: "a-example.r-v1.mx.microsoft" }, MxValidation: "Passed", Errors: [{ Code: 1, Message: "m" }] }]),
      "b.example": ok([]),
    };
    raw.perDomain["Get-SmtpDaneInboundStatus"] = { error: { code: "NOT_COLLECTED", message: "x" }, domains: {} };
    const t = normalizeTenant(raw, meta);
    const a = t.dnssecStatus.domains["a.example"]!;
    assert.deepEqual([a.dnssecFeatureStatus, a.expectedMxRecord, a.mxValidation], ["Enabled", "a-example.r-v1.mx.microsoft", "Passed"]);
    assert.deepEqual(a.errors, ['{"Code":1,"Message":"m"}']);
    assert.equal(t.dnssecStatus.domains["b.example"]!.error?.code, "EXO_EMPTY_RESULT");
    assert.equal(t.smtpDaneInbound.error?.code, "NOT_COLLECTED");
  });
  // Get-DnssecStatusForVerifiedDomain as office-docs-powershell documents it (Example 2), as
  // Format-List prints it unexpanded (type names), and as older exports flatten it.
  const shapes: [string, Record<string, unknown>, Record<string, unknown>, RegExp?][] = [
    [
      "the documented shape",
      {
        DnssecFeatureStatus: { Value: "Enabled" },
        ExpectedMxRecord: { Record: "@ 60 IN MX 10 contoso-com.e-v1.mx.microsoft" },
        DnsValidation: { DnssecSupport: "Valid", Errors: [], Warnings: [] },
        MxValidation: { Status: "Valid", ActualMxRecords: ["@ 60 IN MX 10 contoso-com.e-v1.mx.microsoft"] },
        MtaStsValidation: { Status: "Valid", MtaStsAvailable: false, MtaStsMode: "Unavailable" },
        Errors: [],
      },
      { dnssecFeatureStatus: "Enabled", expectedMxRecord: "contoso-com.e-v1.mx.microsoft", dnsValidation: "Valid", mxValidation: "Valid", mtaStsValidation: "Valid" },
    ],
    [
      "nested values as .NET type names: unreadable, never a status",
      {
        DnssecFeatureStatus: "Enabled",
        ExpectedMxRecord: "Microsoft.Exchange.Management.ProvisioningTasks.ExpectedMxRecordInfo",
        DnsValidation: "Microsoft.Exchange.Management.ProvisioningTasks.DnsValidationResult",
        MxValidation: "Deserialized.Microsoft.Exchange.Management.ProvisioningTasks.MxValidationResult",
        MtaStsValidation: { Status: "Microsoft.Exchange.Management.ProvisioningTasks.MtaStsValidationStatus" },
      },
      { dnssecFeatureStatus: "Enabled", expectedMxRecord: null, dnsValidation: null, mxValidation: null, mtaStsValidation: null },
      /DnsValidation arrived as its \.NET type name .*unreadable/,
    ],
    [
      "a flattened export: the zone-file line as a string, the host with a trailing dot",
      { DnssecFeatureStatus: "Disabled", ExpectedMxRecord: "@ 3600 IN MX 0 Contoso-com.e-v1.mx.microsoft." },
      { dnssecFeatureStatus: "Disabled", expectedMxRecord: "contoso-com.e-v1.mx.microsoft", dnsValidation: null },
    ],
    [
      "a bare host",
      { ExpectedMxRecord: { Record: "contoso-com.e-v1.mx.microsoft" } },
      { expectedMxRecord: "contoso-com.e-v1.mx.microsoft" },
    ],
    [
      "a line that names no host",
      { ExpectedMxRecord: { Record: "@ 60 IN MX" } },
      { expectedMxRecord: null },
      /names no MX host/,
    ],
  ];
  for (const [name, obj, want, warning] of shapes) {
    it(`Get-DnssecStatusForVerifiedDomain, ${name}`, () => {
      const raw = rawTenant();
      raw.perDomain["Get-DnssecStatusForVerifiedDomain"].domains = { "contoso.com": ok([obj]) };
      const got = normalizeTenant(raw, meta).dnssecStatus.domains["contoso.com"]!;
      for (const [k, v] of Object.entries(want)) assert.equal(got[k as keyof typeof got], v, k);
      if (warning) assert.match(got.warnings.join("\n"), warning);
      else assert.deepEqual(got.warnings, []);
    });
  }
});
