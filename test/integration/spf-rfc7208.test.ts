// The RFC 7208 test suite (openspf.org, release 2014.04; test/fixtures/spf, BSD licence beside it),
// every case, through real DNS: each scenario's zonedata is served by the sandbox DNS server on
// loopback and check_host() asks it through our resolver client, as in production.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parseAllDocuments } from "yaml";
import { createResolver } from "../../src/dns/resolver.js";
import { packageRoot } from "../../src/paths.js";
import { checkHost } from "../../src/probe/spf/check-host.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { suiteZone } from "./spf-suite-zones.js";

interface SuiteCase {
  helo: string;
  host: string;
  mailfrom: string;
  result: string | string[];
  explanation?: string;
  description?: string;
}
interface Scenario {
  description: string;
  tests: Record<string, SuiteCase>;
  zonedata: Record<string, ("TIMEOUT" | Record<string, unknown>)[]>;
}

const SUITE = join(packageRoot, "test", "fixtures", "spf", "rfc7208-tests.yml");
/** The suite's size (release 2014.04): a loader that finds fewer cases must not pass. */
const SUITE_CASES = 203;

/**
 * The suite writes the %{ir} nibbles of an IPv6 address in upper case ("…E.B.A.B.E.F.A.C.ip6.arpa")
 * while RFC 7208 §7.4's own example expands them in lower case ("…8.b.d.0.1.0.0.2.ip6…"), which is
 * what we produce. DNS names are case-insensitive; only this case's text differs, so only it is
 * compared without case. Every other explanation must match exactly.
 */
const CASE_INSENSITIVE_EXPLANATION = new Set(["v-macro-ip6"]);

const scenarios = parseAllDocuments(readFileSync(SUITE, "utf8")).map((d) => d.toJS() as Scenario);
const tally = { passed: 0, total: 0 };

for (const scenario of scenarios) {
  describe(`RFC 7208 suite: ${scenario.description}`, () => {
    let server: RunningDnsServer;
    before(async () => {
      const { zone, silent } = suiteZone(scenario.zonedata);
      server = await startDnsServer({ zones: [zone], silent });
    });
    after(() => server.close());

    for (const [name, t] of Object.entries(scenario.tests)) {
      tally.total++;
      const expected = Array.isArray(t.result) ? t.result : [t.result];
      it(`${name} → ${expected.join(" or ")}`, async () => {
        // RFC 7208 §2.3: an empty MAIL FROM checks the HELO identity as postmaster@<helo>.
        const sender = t.mailfrom === "" ? `postmaster@${t.helo}` : t.mailfrom;
        const domain = sender.slice(sender.lastIndexOf("@") + 1);
        // A short timeout keeps the TIMEOUT cases quick; no retry, so one silent query is one timeout.
        const resolver = createResolver(server.spec, { timeoutMs: 250, retries: 0 });
        const r = await checkHost(t.host, domain, sender, { resolver, helo: t.helo, receiver: "receiver.example" });
        assert.ok(expected.includes(r.result), `${name}: expected ${expected.join(" or ")}, got ${r.result}: ${r.reason}`);
        if (t.explanation !== undefined) {
          if (t.explanation === "DEFAULT") {
            assert.equal(r.explanationSource, "default", `${name}: expected the default explanation, got ${JSON.stringify(r.explanation)}`);
          } else if (CASE_INSENSITIVE_EXPLANATION.has(name)) {
            assert.equal(r.explanation?.toLowerCase(), t.explanation.toLowerCase());
          } else {
            assert.equal(r.explanation, t.explanation);
          }
        }
        tally.passed++;
      });
    }
  });
}

describe("RFC 7208 suite: the whole", () => {
  it(`passes every one of its ${SUITE_CASES} cases`, () => {
    // Runs after the scenarios above (node:test runs a file's tests in order).
    process.stdout.write(`RFC 7208 test suite: ${tally.passed}/${tally.total} cases passed\n`);
    assert.equal(tally.total, SUITE_CASES);
    assert.equal(tally.passed, tally.total);
  });
});
