// One assess run of the built-in sample world into `outDir` (JSON reports only): the evidence and
// findings the tests that edit, re-judge or compare runs start from.
import { assess } from "../../src/assess.js";
import { defaultRulesDir } from "../../src/paths.js";
import { type SampleWorldOptions, startSampleWorld } from "../../src/sandbox/demo.js";

/** `domains`: a few of the world's domains (with the tenant still collected), for a quicker run. */
export async function demoRun(outDir: string, options: SampleWorldOptions = {}, domains?: string[]): Promise<void> {
  const world = await startSampleWorld(options);
  try {
    await assess({
      domains: domains ?? world.domains, resolver: world.resolver, dnsTimeoutMs: 2000, rulesDir: defaultRulesDir, outDir, formats: ["json"],
      tenantCollect: world.tenant, messageFiles: world.messages, context: { ...world.context, ca: world.ca, timeoutMs: 1500 },
    });
  } finally {
    await world.close();
  }
}
