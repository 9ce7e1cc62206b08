// mx pattern matching (RFC 8461 §4.1): the wildcard covers exactly one leftmost label.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchingPattern, mxMatches, normalizeMxPattern } from "../../src/probe/mtasts/index.js";

describe("mxMatches", () => {
  const cases: [host: string, pattern: string, matches: boolean][] = [
    ["mail.example.com", "mail.example.com", true],
    ["MAIL.Example.com", "mail.EXAMPLE.com", true],
    ["mail.example.com.", "mail.example.com", true],
    ["mail.example.com", "mail.example.com.", true],
    ["mail.example.com", "example.com", false],
    ["mail.example.com", "ail.example.com", false],
    ["a.example.com", "*.example.com", true],
    ["A.EXAMPLE.COM.", "*.example.com.", true],
    ["a.b.example.com", "*.example.com", false],
    ["example.com", "*.example.com", false],
    [".example.com", "*.example.com", false],
    ["aexample.com", "*.example.com", false],
    ["a.example.com.evil", "*.example.com", false],
    ["x.mail.protection.outlook.com", "*.mail.protection.outlook.com", true],
    ["good-council-example.mail.protection.outlook.com", "*.protection.outlook.com", false],
  ];
  for (const [host, pattern, matches] of cases) {
    it(`${host} ${matches ? "matches" : "does not match"} ${pattern}`, () => assert.equal(mxMatches(host, pattern), matches));
  }
});

describe("matchingPattern", () => {
  it("gives the first pattern that matches", () => {
    assert.equal(matchingPattern("a.example.com", ["b.example.com", "*.example.com", "a.example.com"]), "*.example.com");
  });
  it("gives null when none does", () => assert.equal(matchingPattern("a.b.example.com", ["*.example.com"]), null));
});

describe("normalizeMxPattern", () => {
  const cases: [string, string | null][] = [
    ["Mail.Example.com.", "mail.example.com"],
    ["*.example.com", "*.example.com"],
    ["*.*.example.com", null],
    ["mx*.example.com", null],
    ["*", null],
    ["*.", null],
    ["-mail.example.com", null],
    ["mail_1.example.com", null],
    ["", null],
  ];
  for (const [value, want] of cases) it(`${JSON.stringify(value)} → ${want}`, () => assert.equal(normalizeMxPattern(value), want));
});
