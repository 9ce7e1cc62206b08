// The pack's portalSignatures default is the shipped portals.yaml, so the rule and the data cannot drift.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadData } from "../../src/data/load.js";
import { dataParameters } from "../../src/rules/data-parameters.js";
import { defaultRulesDir } from "../../src/paths.js";
import { loadPack } from "../../src/rules/index.js";

describe("portal signatures", () => {
  it("pack.yaml's portalSignatures default equals rules/data/portals.yaml", () => {
    assert.deepEqual(loadPack(defaultRulesDir).meta.parameters.portalSignatures!.default, dataParameters(loadData()).portalSignatures);
  });
});
