// The cloud table and --cloud-endpoints: the right endpoints per national cloud, and a custom file
// read strictly, because a mistake there sends tokens to the wrong place.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CLOUD_NAMES, cloudEndpoints, parseCloudEndpoints, readCloudEndpoints, resolveCloud } from "../../src/cloud/index.js";
import { InputError } from "../../src/input/errors.js";
import { tempDir } from "../helpers/tmp.js";

describe("national clouds", () => {
  const cases: [string, string, string, string][] = [
    ["global", "https://login.microsoftonline.com", "https://graph.microsoft.com", "https://outlook.office365.com"],
    ["gcc", "https://login.microsoftonline.com", "https://graph.microsoft.com", "https://outlook.office365.com"],
    ["gcchigh", "https://login.microsoftonline.us", "https://graph.microsoft.us", "https://outlook.office365.us"],
    ["dod", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us", "https://outlook-dod.office365.us"],
    ["china", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn", "https://partner.outlook.cn"],
  ];
  for (const [name, login, graph, exchange] of cases) {
    it(name, () => {
      const c = cloudEndpoints(name as (typeof CLOUD_NAMES)[number]);
      assert.deepEqual([c.authorityHost, c.graph, c.exchange], [login, graph, exchange]);
      assert.equal(c.authorityMetadata, null, "public clouds are discovered by MSAL");
    });
  }
  it("marks China's Exchange endpoint as unverified, and only that", () => {
    assert.match(cloudEndpoints("china").unverified.join(), /exchange/);
    for (const n of CLOUD_NAMES.filter((n) => n !== "china")) assert.deepEqual(cloudEndpoints(n).unverified, []);
  });
  it("defaults to global, is case-insensitive, and refuses unknown names and two answers at once", async () => {
    assert.equal((await resolveCloud({})).name, "global");
    assert.equal((await resolveCloud({ cloud: "GCCHigh" })).name, "gcchigh");
    await assert.rejects(resolveCloud({ cloud: "mooncake" }), (e) => e instanceof InputError && /unknown cloud "mooncake"/.test(e.message));
    await assert.rejects(resolveCloud({ cloud: "global", cloudEndpoints: "x.json" }), /not both/);
  });
});

describe("--cloud-endpoints", () => {
  const good = {
    name: "lab",
    authorityHost: "https://login.lab.invalid",
    authorityMetadata: {
      token_endpoint: "http://127.0.0.1:4000/{tenantId}/oauth2/v2.0/token",
      authorization_endpoint: "http://127.0.0.1:4000/{tenantId}/oauth2/v2.0/authorize",
      issuer: "https://login.lab.invalid/{tenantId}/v2.0",
    },
    graph: "https://localhost:4001",
    exchange: "https://localhost:4002",
  };
  it("reads a good file, filling the optional metadata", async () => {
    const dir = tempDir({ "c.json": JSON.stringify(good) });
    const c = await readCloudEndpoints(`${dir}/c.json`);
    assert.equal(c.name, "lab");
    assert.equal(c.graph, "https://localhost:4001");
    assert.match(c.authorityMetadata!.jwks_uri!, /^http:\/\/127\.0\.0\.1:4000\/\{tenantId\}\/discovery/);
    assert.deepEqual(c.ca, []);
  });
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["an http authority (msal-node refuses it)", { authorityHost: "http://login.lab.invalid" }, /authorityHost/],
    ["plain http to another machine", { graph: "http://graph.lab.invalid" }, /\/graph: must be an https URL/],
    ["a path on an origin", { exchange: "https://localhost:4002/adminapi" }, /\/exchange: must be an origin/],
    ["a trailing slash", { graph: "https://localhost:4001/" }, /\/graph: must be an origin/],
    ["an http token endpoint off this machine", { authorityMetadata: { ...good.authorityMetadata, token_endpoint: "http://10.0.0.1/token" } }, /token_endpoint/],
    ["a CA that is not PEM", { ca: ["hello"] }, /\/ca\/0: must be PEM/],
    ["no graph", { graph: undefined }, /\/graph/],
  ];
  for (const [name, change, message] of bad) {
    it(`refuses ${name}`, () => {
      assert.throws(() => parseCloudEndpoints({ ...good, ...change }), (e) => e instanceof InputError && message.test(e.message));
    });
  }
  it("refuses a file that is missing or not JSON, in one line", async () => {
    const dir = tempDir({ "bad.json": "{nope" });
    await assert.rejects(readCloudEndpoints(`${dir}/missing.json`), (e) => e instanceof InputError && /cannot read --cloud-endpoints/.test(e.message));
    await assert.rejects(readCloudEndpoints(`${dir}/bad.json`), (e) => e instanceof InputError && /is not JSON/.test(e.message) && !e.message.includes("\n"));
  });
});
