// rua and ruf URIs (RFC 7489 §6.2, §6.4): the destination host a receiver verifies (§7.1), the
// "!size" suffix, and why an unusable URI is unusable.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseReportUri, parseReportUris } from "../../src/probe/dmarc/report-uri.js";

const cases: { raw: string; uri: string; host: string | null; size: string | null; problem: RegExp | null }[] = [
  { raw: "mailto:dmarc@example.org", uri: "mailto:dmarc@example.org", host: "example.org", size: null, problem: null },
  { raw: "MAILTO:Dmarc@Example.ORG", uri: "mailto:Dmarc@example.org", host: "example.org", size: null, problem: null },
  { raw: "mailto:dmarc@example.org!10m", uri: "mailto:dmarc@example.org", host: "example.org", size: "10m", problem: null },
  { raw: "mailto:dmarc@example.org!50", uri: "mailto:dmarc@example.org", host: "example.org", size: "50", problem: null },
  { raw: "mailto:d%40x@example.org?subject=dmarc", uri: "mailto:d@x@example.org", host: "example.org", size: null, problem: null },
  { raw: "https://reports.example.net/dmarc", uri: "https://reports.example.net/dmarc", host: "reports.example.net", size: null, problem: null },
  { raw: "dmarc@example.org", uri: "dmarc@example.org", host: null, size: null, problem: /not a URI/ },
  { raw: "mailto:example.org", uri: "mailto:example.org", host: null, size: null, problem: /no address/ },
  { raw: "mailto:a@not a domain", uri: "mailto:a@not a domain", host: null, size: null, problem: /not a domain name/ },
  { raw: "mailto:a@b!c@example.org", uri: "mailto:a@b!c@example.org", host: null, size: null, problem: /"!" that is not a size limit/ },
  { raw: "ftp://example.org/x", uri: "ftp://example.org/x", host: null, size: null, problem: /only mailto:/ },
  { raw: "", uri: "", host: null, size: null, problem: /empty/ },
];

describe("parseReportUri", () => {
  for (const c of cases) {
    it(JSON.stringify(c.raw), () => {
      const u = parseReportUri(c.raw);
      assert.equal(u.uri, c.uri);
      assert.equal(u.host, c.host);
      assert.equal(u.size, c.size);
      if (c.problem) assert.match(u.problem ?? "", c.problem);
      else assert.equal(u.problem, null);
    });
  }

  it("splits a list on commas, with white space around them", () => {
    assert.deepEqual(parseReportUris("mailto:a@example.org , mailto:b@example.net").map((u) => u.host), ["example.org", "example.net"]);
  });
});
