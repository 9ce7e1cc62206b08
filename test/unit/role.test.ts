// Domain roles (docs/rules.md "Domain roles") as a table: what each combination of MX, Null MX
// (RFC 7505), SPF and tenant facts makes a domain, and failed lookups that leave it unknown.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type RoleInputs, authorisesNobody, domainRole } from "../../src/probe/role.js";

const timeout = { code: "DNS_TIMEOUT" as const, message: "timed out" };
const noMx = { error: null, nullMx: false, hosts: [] };
const nullMx = { error: null, nullMx: true, hosts: [] };
const withMx = { error: null, nullMx: false, hosts: [{ preference: 10, exchange: "mx.example.org" }] };
const spf = (...records: string[]) => ({ error: null, records });

const cases: [string, RoleInputs, string, RegExp][] = [
  ["an onmicrosoft.com domain is moera whatever it publishes", { name: "contoso.onmicrosoft.com", mx: withMx, spf: spf() }, "moera", /onmicrosoft/],
  ["onmicrosoft.com in the middle of a name is not", { name: "onmicrosoft.com.example.org", mx: noMx, spf: spf() }, "parked", /no MX/],
  ["an InternalRelay accepted domain is relay", { name: "a.example.org", mx: withMx, spf: spf(), acceptedDomainType: "InternalRelay" }, "relay", /InternalRelay/],
  ["an ExternalRelay accepted domain is relay", { name: "a.example.org", mx: noMx, spf: spf(), acceptedDomainType: "ExternalRelay" }, "relay", /ExternalRelay/],
  ["an Authoritative domain is judged by its DNS", { name: "a.example.org", mx: noMx, spf: spf("v=spf1 -all"), acceptedDomainType: "Authoritative" }, "parked", /no MX/],
  ["the tenant sending as it makes it sending", { name: "a.example.org", mx: nullMx, spf: spf("v=spf1 -all"), tenantSends: true }, "sending", /tenant sends/],
  ["MX hosts make it sending", { name: "a.example.org", mx: withMx, spf: spf() }, "sending", /mx\.example\.org/],
  ["Null MX and v=spf1 -all is parked", { name: "a.example.org", mx: nullMx, spf: spf("v=spf1 -all") }, "parked", /Null MX/],
  ["no MX and no SPF is parked", { name: "a.example.org", mx: noMx, spf: spf() }, "parked", /no MX and no SPF record authorises/],
  ["no MX and ~all authorises nobody: parked", { name: "a.example.org", mx: noMx, spf: spf("v=spf1 ~all") }, "parked", /no MX/],
  ["Null MX but an SPF record with senders: a send-only domain", { name: "a.example.org", mx: nullMx, spf: spf("v=spf1 include:spf.protection.outlook.com -all") }, "sending", /Null MX.*authorises senders/],
  ["no MX but +all: sending (and every SPF rule will say so)", { name: "a.example.org", mx: noMx, spf: spf("v=spf1 +all") }, "sending", /authorises senders/],
  ["no MX but a redirect: sending", { name: "a.example.org", mx: noMx, spf: spf("v=spf1 redirect=_spf.example.org") }, "sending", /authorises senders/],
  ["two SPF records, one with senders: sending", { name: "a.example.org", mx: noMx, spf: spf("v=spf1 -all", "v=spf1 ip4:192.0.2.1 -all") }, "sending", /authorises senders/],
  ["a failed MX lookup leaves it unknown", { name: "a.example.org", mx: { ...noMx, error: timeout }, spf: spf("v=spf1 -all") }, "unknown", /MX lookup failed \(DNS_TIMEOUT\)/],
  ["MX found but SPF failed: sending is already known", { name: "a.example.org", mx: withMx, spf: { error: timeout, records: [] } }, "sending", /MX hosts/],
  ["no MX and a failed SPF lookup leaves it unknown", { name: "a.example.org", mx: nullMx, spf: { error: timeout, records: [] } }, "unknown", /SPF lookup failed/],
];

describe("domainRole", () => {
  for (const [name, inputs, value, reason] of cases) {
    it(name, () => {
      const role = domainRole(inputs);
      assert.equal(role.value, value, role.reason);
      assert.match(role.reason, reason);
    });
  }
});

describe("authorisesNobody", () => {
  const table: [string, boolean][] = [
    ["v=spf1 -all", true],
    ["v=spf1", true],
    ["v=spf1 ?all", true],
    ["v=spf1 -all exp=explain._spf.example.org", true],
    ["V=SPF1 -ALL", true],
    ["v=spf1 all", false],
    ["v=spf1 +all", false],
    ["v=spf1 mx -all", false],
    ["v=spf1 redirect=example.org", false],
  ];
  for (const [record, nobody] of table) {
    it(`${record} → ${nobody}`, () => assert.equal(authorisesNobody(record), nobody));
  }
});
