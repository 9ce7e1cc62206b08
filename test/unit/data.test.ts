// The data catalogue: the shipped files load, every entry cites a source, user files extend and
// override by id, and a mistake names its file and line.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadData } from "../../src/data/load.js";
import { tempDir } from "../helpers/tmp.js";

describe("data catalogue", () => {
  const data = loadData();
  it("ships at least 12 third-party gateways, Exchange Online's MX forms and 6 portals, each with a source", () => {
    assert.ok(data.gateways.filter((g) => g.kind === "third-party").length >= 12);
    assert.deepEqual(data.gateways.find((g) => g.id === "exchange-online")!.mx, ["*.mail.protection.outlook.com", "*.mx.microsoft"]);
    assert.ok(data.portals.length >= 6);
    for (const e of [...data.gateways, ...data.portals]) assert.ok(e.sources.length > 0 && e.sources.every((s) => /^https?:\/\//.test(s.url)), e.id);
  });
  it("lets a user file add and override entries by id", () => {
    const dir = tempDir({ "mine.yaml": 'format: exo-posture-data/1\ngateways:\n  - id: mimecast\n    name: Mimecast (ours)\n    mx: ["*.mimecast.com"]\n    arcSealers: [mimecast.example]\n    sources: [{ title: our sample, url: "https://example.invalid/x" }]\nportals:\n  - id: in-house\n    name: In-house portal\n    phrases: [Collect your message]\n    sources: [{ title: ours, url: "https://example.invalid/y" }]\n' });
    const merged = loadData([join(dir, "mine.yaml")]);
    assert.deepEqual(merged.gateways.find((g) => g.id === "mimecast")!.arcSealers, ["mimecast.example"]);
    assert.equal(merged.gateways.length, data.gateways.length);
    assert.ok(merged.portals.some((p) => p.id === "in-house"));
  });
  const bad: [string, string, RegExp][] = [
    ["no source", "format: exo-posture-data/1\ngateways:\n  - id: x\n    name: X\n    mx: [\"*.x.example\"]\n    sources: []\n", /bad\.yaml:\d+: .*sources/],
    ["upper-case pattern", "format: exo-posture-data/1\ngateways:\n  - id: x\n    name: X\n    mx: [\"*.X.example\"]\n    sources: [{ title: t, url: \"https://e.invalid\" }]\n", /bad\.yaml:\d+: .*host name/],
    ["an id twice", "format: exo-posture-data/1\nportals:\n  - { id: a, name: A, sources: [{ title: t, url: \"https://e.invalid\" }] }\n  - { id: a, name: B, sources: [{ title: t, url: \"https://e.invalid\" }] }\n", /bad\.yaml:4: portals id a appears twice/],
    ["a wrong format", "format: other\n", /bad\.yaml:1: /],
  ];
  for (const [name, text, re] of bad) {
    it(`refuses ${name} with file and line`, () => {
      const dir = tempDir({ "bad.yaml": text });
      assert.throws(() => loadData([join(dir, "bad.yaml")]), re);
    });
  }
});
