// Enhanced Filtering proven from a received message (issue 26, point 3): what Exchange Online
// stamped, read from sample messages received through the gateway, and judged by gateway.ef-observed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createResolver } from "../../src/dns/resolver.js";
import { defaultRulesDir } from "../../src/paths.js";
import { parseInternetSender } from "../../src/probe/arc/exchange-online.js";
import { probeMessage } from "../../src/probe/arc/index.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { parametersOf } from "../../src/rules/config.js";
import { judge } from "../../src/rules/judge.js";
import { loadPack } from "../../src/rules/pack.js";
import { type EnhancedFilteringSample, receivedThroughGateway } from "../../src/sandbox/world/messages.js";

const pack = loadPack(defaultRulesDir);
const rule = pack.rules.find((r) => r.meta.id === "gateway.ef-observed")!;
const params = parametersOf(pack, { parameters: {}, severity: {}, waivers: [] });
// The samples carry no DKIM signature or ARC set, so nothing is looked up: a resolver nobody answers.
const ctx: ProbeContext = { resolver: createResolver("127.0.0.1:9", { timeoutMs: 100, retries: 0 }), now: () => new Date(), ca: [], timeoutMs: 100, dkimSelectors: [], log: () => {} };
const resolver = { spec: "t", kind: "udp", server: "t", validatesDnssec: true, validationDetail: "" };

async function observed(text: string) {
  const message = await probeMessage("sample.eml", Buffer.from(text), ctx);
  return { message, verdict: judge(rule, { id: "message:sample.eml", vars: { message, tenant: null, params, resolver }, pointers: {} }) };
}

describe("gateway.ef-observed", () => {
  const cases: [EnhancedFilteringSample, string, RegExp][] = [
    ["applied", "pass", /Exchange Online took 198\.51\.100\.25 \(mail\.partner\.example\) as its original sender .*checked SPF against 198\.51\.100\.25 \(pass\)/],
    ["reported-only", "warn", /Skip listing worked .* no X-MS-Exchange-ExternalOriginalInternetSender, so it was only reported .*checked SPF against 195\.130\.217\.10 \(fail\)/],
    ["off", "fail", /Enhanced Filtering did not apply .* judged the hop that handed it over, the gateway, as its sender; Exchange Online checked SPF against 195\.130\.217\.10 \(fail\)/],
  ];
  for (const [sample, status, message] of cases) {
    it(`a message with Enhanced Filtering ${sample}: ${status}`, async () => {
      const { verdict } = await observed(receivedThroughGateway("finance@contoso-county.example", sample));
      assert.equal(verdict.status, status, verdict.message);
      assert.match(verdict.message, message);
    });
  }
  it("records what Exchange Online stamped, as evidence", async () => {
    const { message } = await observed(receivedThroughGateway("finance@contoso-county.example", "applied"));
    assert.deepEqual(message.exchangeOnline.externalOriginalInternetSender, { raw: "ip=[198.51.100.25];domain=mail.partner.example", ip: "198.51.100.25", domain: "mail.partner.example" });
    assert.deepEqual([message.exchangeOnline.received, message.exchangeOnline.spfResult, message.exchangeOnline.spfSenderIp], [true, "pass", "198.51.100.25"]);
  });
  it("a message Exchange Online never saw (no stamp of its own) is not applicable, saying why", async () => {
    const { verdict } = await observed("From: a@partner.example\r\nTo: b@contoso-county.example\r\nSubject: x\r\n\r\nbody\r\n");
    assert.equal(verdict.status, "not_applicable");
    assert.match(verdict.message, /no sign that Exchange Online received it/);
  });
  it("reads the header values as captured (IPv6, no domain, spaces)", () => {
    assert.deepEqual(parseInternetSender("ip=[2603:10a6:150:163::20];domain=GV1PR08MB10521.eurprd08.prod.outlook.com"), { ip: "2603:10a6:150:163::20", domain: "GV1PR08MB10521.eurprd08.prod.outlook.com" });
    assert.deepEqual(parseInternetSender(" ip=[20.222.87.207]; domain=User"), { ip: "20.222.87.207", domain: "User" });
    assert.deepEqual(parseInternetSender("garbage"), { ip: null, domain: null });
  });
});
