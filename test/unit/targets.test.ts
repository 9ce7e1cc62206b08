// Which domains a run assesses: one module reads --domain, --domains-file and the tenant's accepted
// domains, normalises each name once, and says what the tenant knows of each.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { TenantEvidence } from "../../src/evidence/tenant.js";
import { InputError } from "../../src/input/errors.js";
import { mergeTargets, perDomainTargets, readTargets, tenantFacts, tenantTargets } from "../../src/targets.js";
import { tempDir } from "../helpers/tmp.js";

const tenantOf = (accepted: [string, string | null][], dkim: [string, boolean | null][] = []) =>
  ({
    acceptedDomains: { items: accepted.map(([domainName, domainType]) => ({ domainName, domainType })) },
    dkimSigningConfigs: { items: dkim.map(([domain, enabled]) => ({ domain, enabled })) },
  }) as unknown as TenantEvidence;

describe("targets", () => {
  it("normalises --domain and --domains-file names once, keeping what was given", async () => {
    const dir = tempDir({ "d.txt": "# council domains\nExample.GOV.uk.\n\n  bücher.example  # an IDN\nexample.gov.uk\r\n" });
    const t = await readTargets(["EXAMPLE.gov.uk", "other.example"], join(dir, "d.txt"));
    assert.deepEqual(t, [
      { name: "example.gov.uk", input: "EXAMPLE.gov.uk", source: "cli" },
      { name: "other.example", input: "other.example", source: "cli" },
      { name: "xn--bcher-kva.example", input: "bücher.example", source: "file" },
    ]);
  });

  it("names every bad line, and nothing runs", async () => {
    const dir = tempDir({ "d.txt": "good.example\nbad name.example\nsingle\n" });
    await assert.rejects(readTargets(["ok.example", "-x-.example"], join(dir, "d.txt")), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.match(e.message, /--domain #2: "-x-\.example"/);
      assert.match(e.message, /d\.txt:2: "bad name\.example": contains white space/);
      assert.match(e.message, /d\.txt:3: "single": a mail domain has at least two labels/);
      return true;
    });
  });

  it("refuses an IP address given as a domain, which would be judged a parked domain (issue 26)", async () => {
    const cases: [string, RegExp][] = [
      ["192.0.2.1", /an IP address, not a domain/],
      ["192.0.2.1.", /an IP address, not a domain/],
      ["[2001:db8::25]", /an IP address, not a domain/],
      ["2001:db8::25", /an IP address, not a domain/],
      ["10.0.0", /last label is all digits/],
    ];
    for (const [input, reason] of cases) {
      await assert.rejects(readTargets([input]), (e: unknown) => e instanceof InputError && reason.test(e.message), input);
    }
    // A name with digits elsewhere is still a domain.
    assert.deepEqual((await readTargets(["1.example", "mail2.gov.uk"])).map((t) => t.name), ["1.example", "mail2.gov.uk"]);
  });

  it("names the first 20 bad lines of a junk file and counts the rest (issue 27)", async () => {
    const dir = tempDir({ "junk.txt": Array.from({ length: 100_000 }, (_, i) => `junk line ${i} \u001b[2J`).join("\n") });
    await assert.rejects(readTargets([], join(dir, "junk.txt")), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.message.split("\n").length, 22);
      assert.match(e.message, /junk\.txt:20: "junk line 19/);
      assert.match(e.message, /… and 99980 more bad lines \(100000 in all\)$/);
      assert.ok(e.message.length < 4000, `${e.message.length} characters`);
      return true;
    });
  });

  it("reports an unreadable domains file in one line", async () => {
    await assert.rejects(readTargets([], join(tempDir(), "missing.txt")), /^InputError: cannot read the domains file .*missing\.txt: no such file \(ENOENT\)$/);
  });

  it("takes the tenant's Authoritative and InternalRelay domains, skips ExternalRelay and invalid names", () => {
    const logged: string[] = [];
    const t = tenantTargets(tenantOf([["contoso.gov.uk", "Authoritative"], ["relay.example", "InternalRelay"], ["elsewhere.example", "ExternalRelay"], ["unknown-type.example", null], ["bad name", "Authoritative"], ["Contoso.gov.uk", "Authoritative"]]), (m) => logged.push(m));
    assert.deepEqual(t.map((x) => [x.name, x.source]), [["contoso.gov.uk", "tenant"], ["relay.example", "tenant"], ["unknown-type.example", "tenant"]]);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /skipping the tenant's accepted domain "bad name": contains white space/);
  });

  it("puts the tenant's domains first and adds the given ones not among them", () => {
    const merged = mergeTargets([{ name: "a.example", input: "a.example", source: "tenant" }], [{ name: "a.example", input: "A.example", source: "cli" }, { name: "b.example", input: "b.example", source: "cli" }]);
    assert.deepEqual(merged.map((t) => `${t.name}/${t.source}`), ["a.example/tenant", "b.example/cli"]);
  });

  it("finds the tenant's facts for a normalised name", () => {
    const tenant = tenantOf([["contoso.gov.uk", "Authoritative"], ["relay.example.", "InternalRelay"]], [["CONTOSO.gov.uk", true], ["relay.example", false]]);
    assert.deepEqual(tenantFacts("contoso.gov.uk", tenant), { acceptedDomainType: "Authoritative", tenantSends: true });
    assert.deepEqual(tenantFacts("relay.example", tenant), { acceptedDomainType: "InternalRelay", tenantSends: false });
    assert.deepEqual(tenantFacts("stranger.example", tenant), { acceptedDomainType: null, tenantSends: false });
    assert.deepEqual(tenantFacts("contoso.gov.uk", null), { acceptedDomainType: null, tenantSends: false });
  });

  it("asks the per-domain cmdlets about every accepted domain but Microsoft-hosted ones", () => {
    const names = perDomainTargets([{ DomainName: "Contoso.gov.uk." }, { DomainName: "contoso.onmicrosoft.com" }, { domainname: "b.example" }, { DomainName: "contoso.gov.uk" }, { Other: 1 }]);
    assert.deepEqual(names, ["b.example", "contoso.gov.uk"]);
  });
});
