// SPF macros (RFC 7208 §7): the examples of §7.4, verbatim, and the syntax errors §7.1 names.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { domainSpecProblem, initialDomain, targetName } from "../../src/probe/spf/domain-spec.js";
import { dottedForm, parseIp, readableForm } from "../../src/probe/spf/ip.js";
import { expandMacroString, type MacroContext, type MacroValues, parseMacroString } from "../../src/probe/spf/macro.js";

/** §7.4: sender strong-bad@email.example.com, client 192.0.2.3 (or 2001:db8::cb01), PTR name mx.example.org. */
function values(ip: string): MacroValues {
  const address = parseIp(ip)!;
  return {
    s: "strong-bad@email.example.com", l: "strong-bad", o: "email.example.com", d: "email.example.com",
    i: dottedForm(address), p: "mx.example.org", h: "mail.example.org", c: readableForm(address),
    r: "receiver.example", t: "1700000000", v: address.version === 4 ? "in-addr" : "ip6",
  };
}

function expand(text: string, ip = "192.0.2.3", context: MacroContext = "domain"): string {
  const parsed = parseMacroString(text, context);
  assert.ok(parsed.ok, `${text}: ${parsed.ok ? "" : parsed.error}`);
  return expandMacroString(parsed.tokens, values(ip));
}

describe("SPF macro expansion: the examples of RFC 7208 §7.4", () => {
  const table: [string, string][] = [
    ["%{s}", "strong-bad@email.example.com"],
    ["%{o}", "email.example.com"],
    ["%{d}", "email.example.com"],
    ["%{d4}", "email.example.com"],
    ["%{d3}", "email.example.com"],
    ["%{d2}", "example.com"],
    ["%{d1}", "com"],
    ["%{dr}", "com.example.email"],
    ["%{d2r}", "example.email"],
    ["%{l}", "strong-bad"],
    ["%{l-}", "strong.bad"],
    ["%{lr}", "strong-bad"],
    ["%{lr-}", "bad.strong"],
    ["%{l1r-}", "strong"],
    ["%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"],
    ["%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"],
    ["%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", "bad.strong.lp.3.2.0.192.in-addr._spf.example.com"],
    ["%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", "3.2.0.192.in-addr.strong.lp._spf.example.com"],
    ["%{d2}.trusted-domains.example.net", "example.com.trusted-domains.example.net"],
  ];
  for (const [macro, expected] of table) {
    it(`${macro} → ${expected}`, () => assert.equal(expand(macro), expected));
  }
  it("%{ir}.%{v}._spf.%{d2} for 2001:db8::cb01 → the nibbles of §7.4", () => {
    assert.equal(expand("%{ir}.%{v}._spf.%{d2}", "2001:db8::cb01"), "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
  });
});

describe("SPF macro expansion: escapes, upper case and explanation letters", () => {
  const table: [string, string, MacroContext][] = [
    // §7.1: %% is "%", %_ a space, %- the URL-encoded space.
    ["a%%b%_c%-d", "a%b c%20d", "domain"],
    // §7.3: an upper-case letter URL-escapes everything outside RFC 3986's unreserved set.
    ["%{S}", "strong-bad%40email.example.com", "domain"],
    // §7.2: c, r and t exist only in explanation text, which may also hold spaces.
    ["from %{c} via %{r} at %{t}", "from 192.0.2.3 via receiver.example at 1700000000", "explain"],
    ["%{p}", "mx.example.org", "domain"],
  ];
  for (const [macro, expected, context] of table) {
    it(`${macro} (${context}) → ${expected}`, () => assert.equal(expand(macro, "192.0.2.3", context), expected));
  }
  it("%{c} of an IPv6 client is its RFC 5952 text form", () => assert.equal(expand("%{c}", "2001:DB8:0:0:0:0:0:CB01", "explain"), "2001:db8::cb01"));
});

describe("SPF macro syntax errors (RFC 7208 §7.1)", () => {
  const table: [string, MacroContext, RegExp][] = [
    ["%(ir).example.com", "domain", /must be followed by/],
    ["foo%.example.com", "domain", /must be followed by/],
    ["%{a}.example.com", "domain", /not a macro letter/],
    ["%{d0}.example.com", "domain", /must not be zero/],
    ["%{d2", "domain", /closing brace/],
    ["%{r}.example.com", "domain", /only in explanation text/],
    ["two words", "domain", /not allowed/],
    ["caf\u00e9.example.com", "domain", /not allowed/],
  ];
  for (const [text, context, error] of table) {
    it(`"${text}" is refused`, () => {
      const parsed = parseMacroString(text, context);
      assert.equal(parsed.ok, false);
      assert.match(parsed.ok ? "" : parsed.error, error);
    });
  }
});

describe("SPF domain-spec and target names", () => {
  const specs: [string, boolean][] = [
    ["example.com", true],
    ["foo.example.xn--zckzah", true],
    ["foo:bar/baz.example.com", true],
    ["%{d2}", true],
    ["museum", false],
    ["museum.", false],
    ["abc.123", false],
    ["example.-com", false],
    ["example.com:8080", false],
    ["ip5.example.com/24", false],
  ];
  for (const [spec, valid] of specs) {
    it(`domain-spec "${spec}" is ${valid ? "valid" : "invalid"} (RFC 7208 §7.1 domain-end)`, () => {
      const parsed = parseMacroString(spec, "domain");
      assert.ok(parsed.ok);
      assert.equal(domainSpecProblem(parsed.tokens) === null, valid);
    });
  }
  it("a name over 253 octets loses labels from the left (RFC 7208 §7.3)", () => {
    const long = `${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.example.com.`;
    const r = targetName(long);
    assert.ok(r.ok);
    assert.equal(r.ok && r.name, `${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.example.com`);
  });
  const initial: [string, boolean][] = [
    ["example.com", true],
    ["example.com.", true],
    ["A2345678", false],
    ["[192.0.2.1]", false],
    ["a..example.com", false],
    [`${"a".repeat(64)}.example.com`, false],
  ];
  for (const [domain, ok] of initial) {
    it(`<domain> ${domain.slice(0, 30)} is ${ok ? "checked" : "malformed, so the result is none"} (RFC 7208 §4.3)`, () => assert.equal(initialDomain(domain).ok, ok));
  }
});
