// The one evaluate pipeline: load the rules (pack, the user's config, the data catalogue) and judge
// evidence with them. `assess`, `evaluate` and the demo all go through here, so a finding means the
// same whichever way it was made. Loading comes first and on its own, so a broken pack or config
// fails before any network traffic.
import { dirname, join } from "node:path";
import { loadData } from "./data/load.js";
import type { DataCatalogue } from "./data/schema.js";
import type { Evidence } from "./evidence/evidence.js";
import type { Findings } from "./evidence/findings.js";
import { readEvidence } from "./input/evidence-file.js";
import { readComparableFindings } from "./input/findings-file.js";
import { diffFindings, type FindingsDiff } from "./report/diff.js";
import { defaultRulesDir } from "./paths.js";
import { viewOf } from "./report/view.js";
import { FORMATS, type Format, type ReportFailure, writeReportsKeeping } from "./report/write.js";
import { EMPTY_CONFIG, loadConfig } from "./rules/config.js";
import { withDataParameters } from "./rules/data-parameters.js";
import { type Evaluation, evaluate, startEvaluation } from "./rules/evaluate.js";
import { type Pack, loadPack } from "./rules/pack.js";
import type { ConfigFile } from "./rules/rule-schema.js";

export interface RulesOptions {
  /** The rule pack folder (default: the shipped NCSC pack, rules/ncsc). */
  rulesDir?: string;
  /** The user's parameters, severity overrides and waivers (--config). */
  configFile?: string;
  /** Extra gateway / portal catalogue files (--data), on top of rules/data. */
  dataFiles?: string[];
}

export interface Rules {
  pack: Pack;
  config: ConfigFile;
  data: DataCatalogue;
  /** Judge evidence: a pure function of the evidence, the rules and the clock (waiver expiry). */
  evaluate(evidence: Evidence, now?: Date): Findings;
  /** Judge a run a subject at a time, as its evidence is made (src/run/spooled.ts). */
  start(now: Date, tenantCollected: boolean): Evaluation;
}

export function loadRules(o: RulesOptions = {}): Rules {
  const pack = loadPack(o.rulesDir ?? defaultRulesDir);
  const config = o.configFile ? loadConfig(o.configFile, pack) : EMPTY_CONFIG;
  const data = loadData(o.dataFiles ?? []);
  // The portal signatures reach the rules as a parameter (src/rules/data-parameters.ts).
  const withData = withDataParameters(config, data);
  return {
    pack, config, data,
    evaluate: (evidence, now = new Date()) => evaluate(pack, evidence, withData, now),
    start: (now, tenantCollected) => startEvaluation(pack, withData, now, tenantCollected),
  };
}

export interface EvaluateFileOptions extends RulesOptions {
  /** An evidence.json written by assess. */
  evidenceFile: string;
  /** Where the reports go (default: a folder "evaluated" beside the evidence file). */
  outDir?: string;
  /** Report formats (default: every format of the registry). */
  formats?: Format[];
  /** An earlier run's findings.json: the reports then say what changed since (--baseline). */
  baselineFile?: string;
  now?: Date;
}

export interface EvaluateFileResult {
  evidence: Evidence;
  findings: Findings;
  changes?: FindingsDiff;
  files: string[];
  rules: Rules;
  /** Report formats that could not be written (the others were): the run has failed. */
  reportFailures?: ReportFailure[];
}

/** Re-run a rule pack over a saved evidence file, offline: no network at all. */
export async function evaluateFile(o: EvaluateFileOptions): Promise<EvaluateFileResult> {
  const rules = loadRules(o);
  const outDir = o.outDir ?? join(dirname(o.evidenceFile), "evaluated");
  const baseline = o.baselineFile ? await readComparableFindings(o.baselineFile, "--baseline") : null;
  const evidence = await readEvidence(o.evidenceFile);
  const findings = rules.evaluate(evidence, o.now);
  const changes = baseline ? diffFindings(baseline, findings) : undefined;
  const { files, failures } = await writeReportsKeeping(outDir, o.formats ?? FORMATS, viewOf(evidence, findings, changes));
  return { evidence, findings, files, rules, ...(changes ? { changes } : {}), ...(failures.length > 0 ? { reportFailures: failures } : {}) };
}
