// MX host → service, as a table: Exchange Online's two MX forms, vendors, the most specific pattern,
// unknown hosts, and the domain-level kind.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadData } from "../../src/data/load.js";
import { classifyHost, detectGateway, hostMatches } from "../../src/probe/gateway.js";

const data = loadData();
describe("gateway detection", () => {
  const cases: [string, string, string | null][] = [
    ["contoso-com.mail.protection.outlook.com", "exchange-online", "exchange-online"],
    ["contoso-com.e-v1.mx.microsoft.", "exchange-online", "exchange-online"],
    ["EU-SMTP-INBOUND-1.MIMECAST.COM", "gateway", "mimecast"],
    ["mx0a-00123.pphosted.com", "gateway", "proofpoint"],
    ["mx1-us1.ppe-hosted.com", "gateway", "proofpoint-essentials"],
    ["d123.ess.barracudanetworks.com", "gateway", "barracuda"],
    ["mx1.hc123-45.iphmx.com", "gateway", "cisco-secure-email"],
    ["mx-01-eu-west-1.prod.hydra.sophos.com", "gateway", "sophos"],
    ["cluster1.eu.messagelabs.com", "gateway", "symantec-email-security-cloud"],
    ["mx01.hornetsecurity.com", "gateway", "hornetsecurity"],
    ["mail.council.example", "unknown", null],
    ["mimecast.com.evil.example", "unknown", null],
  ];
  for (const [host, kind, id] of cases) {
    it(`${host} → ${id ?? "unknown"}`, () => {
      const h = classifyHost(host.replace(/\.$/, "").toLowerCase(), 10, data.gateways);
      assert.equal(h.kind, kind);
      assert.equal(h.gatewayId, id);
    });
  }
  it("matches a wildcard below its domain only, never the domain itself", () => {
    assert.equal(hostMatches("*.mimecast.com", "mimecast.com"), false);
    assert.equal(hostMatches("*.mimecast.com", "a.b.mimecast.com"), true);
  });
  it("calls a domain mixed when its MX hosts split between Exchange Online and a gateway", () => {
    const g = detectGateway({ error: null, lookup: null, nullMx: false, hosts: [{ preference: 10, exchange: "eu-smtp-inbound-1.mimecast.com" }, { preference: 20, exchange: "x.mail.protection.outlook.com" }] }, data);
    assert.equal(g.kind, "mixed");
    assert.deepEqual(g.gateways.map((x) => x.id), ["mimecast"]);
  });
  it("keeps the MX error instead of guessing", () => {
    const g = detectGateway({ error: { code: "DNS_TIMEOUT", message: "t" }, lookup: null, nullMx: false, hosts: [] }, data);
    assert.equal(g.error?.code, "DNS_TIMEOUT");
  });
});
