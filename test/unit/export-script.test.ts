// scripts/Export-ExoPosture.ps1 cannot run here (no PowerShell among Debian's packages), so what it
// must say is read from its text: the cloud it signs in to, the connectors in test mode, and that it
// only reads.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { CLOUD_NAMES } from "../../src/cloud/clouds.js";

const script = readFileSync(new URL("../../../scripts/Export-ExoPosture.ps1", import.meta.url), "utf8");

describe("Export-ExoPosture.ps1", () => {
  // ExchangeOnlineManagement's -ExchangeEnvironmentName values for each cloud exo-posture names.
  const environments: Record<string, string> = { global: "O365Default", gcc: "O365Default", gcchigh: "O365USGovGCCHigh", dod: "O365USGovDoD", china: "O365China" };
  it("takes -Cloud with every cloud exo-posture knows", () => {
    const set = /\[ValidateSet\(([^)]*)\)\]\s*\[string\] \$Cloud = 'global'/.exec(script);
    assert.ok(set, "a -Cloud parameter with a ValidateSet");
    const names = [...set[1]!.matchAll(/'([a-z]+)'/g)].map((m) => m[1]);
    assert.deepEqual(names.sort(), [...CLOUD_NAMES].sort());
  });
  for (const [cloud, env] of Object.entries(environments)) {
    it(`signs in to ${cloud} with -ExchangeEnvironmentName ${env}`, () => {
      assert.match(script, new RegExp(`\\n\\s+${cloud}\\s+= '${env}'\\n`));
    });
  }
  it("passes the environment to Connect-ExchangeOnline", () => {
    assert.match(script, /Connect-ExchangeOnline -ShowBanner:\$false -ExchangeEnvironmentName \$ExchangeEnvironments\[\$Cloud\]/);
  });
  it("asks for the outbound connectors in test mode too, and keeps a failure as a warning", () => {
    assert.match(script, /Invoke-ReadOnly -Name 'Get-OutboundConnector' -Parameters @\{ IncludeTestModeConnectors = \$true \}/);
    assert.match(script, /connectors in test mode could not be listed/);
  });
  it("runs nothing but Get-* cmdlets", () => {
    const invoked = [...script.matchAll(/Invoke-ReadOnly -Name '([A-Za-z-]+)'/g)].map((m) => m[1]!);
    const listed = [...script.matchAll(/^\s+'((?:Get|Set|New|Remove|Enable|Disable)-[A-Za-z]+)'\s+=/gm)].map((m) => m[1]!);
    assert.ok(listed.length >= 7, listed.join());
    for (const name of [...invoked, ...listed]) assert.match(name, /^Get-/);
    assert.doesNotMatch(script, /^\s*(Set|New|Remove|Enable|Disable)-(?!StrictMode\b)[A-Z][A-Za-z]+ /m);
  });
});
