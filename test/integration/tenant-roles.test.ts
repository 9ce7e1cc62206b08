// A collected tenant feeds the domain roles (docs/rules.md "Domain roles"): the probes of Contoso's
// accepted domains, through the sample world's DNS, see each domain for what it is to the tenant.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { tenantTargets } from "../../src/targets.js";
import { createResolver } from "../../src/dns/resolver.js";
import type { Evidence } from "../../src/evidence/evidence.js";
import type { TenantEvidence } from "../../src/evidence/tenant.js";
import { probeAll } from "../../src/probe/run.js";
import { type RunningWorld, startSampleWorld } from "../../src/sandbox/demo.js";
import { CONTOSO_DOMAINS, contosoScenario } from "../../src/sandbox/tenants/index.js";
import { type Contoso, startContoso } from "../fixtures/tenant/contoso.js";

let world: RunningWorld;
let c: Contoso;
let evidence: Evidence;
let tenant: TenantEvidence;
before(async () => {
  world = await startSampleWorld();
  // The heritage domain made an InternalRelay domain, to see the tenant's word reach the role.
  const scenario = contosoScenario();
  const heritage = scenario.exchange.cmdlets["Get-AcceptedDomain"].find((d) => d.DomainName === CONTOSO_DOMAINS.heritage)!;
  heritage.DomainType = "InternalRelay";
  c = await startContoso(scenario);
  tenant = await c.collect();
  evidence = await probeAll(
    tenantTargets(tenant),
    { resolver: createResolver(world.resolver, { timeoutMs: 2000 }), now: () => new Date(), ca: world.ca, timeoutMs: 2000, dkimSelectors: [], log: () => {}, ...world.context },
    { tenant },
  );
});
after(async () => {
  await c.cloud.close();
  await world.close();
});

describe("roles of a tenant's domains", () => {
  const cases: [string, string, RegExp][] = [
    [CONTOSO_DOMAINS.county, "sending", /the tenant sends mail as this domain/],
    [CONTOSO_DOMAINS.libraries, "sending", /MX hosts \(contoso-libraries-example\.r-v1\.mx\.microsoft\)/],
    [CONTOSO_DOMAINS.heritage, "relay", /InternalRelay accepted domain/],
    [CONTOSO_DOMAINS.moera, "moera", /onmicrosoft\.com/],
  ];
  for (const [name, role, reason] of cases) {
    it(`${name} is ${role}`, () => {
      const d = evidence.domains[name];
      assert.ok(d, `probed ${name}`);
      assert.equal(d.source, "tenant");
      assert.equal(d.role.value, role, d.role.reason);
      assert.match(d.role.reason, reason);
    });
  }
  it("the tenant travels in the evidence", () => {
    assert.equal(evidence.tenant?.tenantId, tenant.tenantId);
    assert.equal(evidence.tenant?.connectors.length, 3);
    assert.equal(evidence.tenant?.antiPhishPolicies.items.find((p) => p.isDefault)?.honorDmarcPolicy, false);
  });
  it("the gateway domain's MX is Mimecast, as the tenant's connector expects", () => {
    assert.deepEqual(evidence.domains[CONTOSO_DOMAINS.county]!.mx.hosts.map((h) => h.exchange), ["eu-smtp-inbound-1.mimecast.com", "eu-smtp-inbound-2.mimecast.com"]);
  });
});
