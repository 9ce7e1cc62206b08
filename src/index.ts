// exo-posture as a library: the public API. The CLI (src/cli) and the demo use nothing else, so
// whatever the command line can do, a program can too. Everything not exported here is internal
// and may change between versions; the evidence and findings formats are versioned (their
// `format` field) and their schemas are exported below.

// Runs: assess (collect + probe + evaluate + write), evaluate a saved evidence file, probe domains.
export { assess, probeDomain, probeDomains, type AssessOptions, type AssessResult, type ProbeOptions } from "./assess.js";
export { mergeEvidence, mergeRuns, type MergeOptions, type MergeResult } from "./merge.js";
export { inShard, parseShard, shardOf, type Shard } from "./run/shard.js";
export type { ProgressEvent, ProgressListener } from "./run/progress.js";
export { evaluateFile, loadRules, type EvaluateFileOptions, type EvaluateFileResult, type Rules, type RulesOptions } from "./evaluate.js";
export { mergeTargets, readTargets, tenantTargets, type DomainTarget } from "./targets.js";

// The tenant half: live sign-in (every Microsoft cloud) or a bundle from scripts/Export-ExoPosture.ps1.
export { collectTenant, readBundle, type CollectTenantOptions } from "./collect/index.js";
export { CLOUD_NAMES } from "./cloud/index.js";

// Rule packs: load, list, render as pages, run their examples.
export { loadPack, loadRule, type Pack, type Rule, SCOPE_VARIABLES } from "./rules/pack.js";
export { EMPTY_CONFIG, loadConfig, parametersOf } from "./rules/config.js";
export { evaluate, summarize } from "./rules/evaluate.js";
export { coverageProblems, runExamples, type ExampleResult } from "./rules/examples.js";
export { exampleEvidenceProblems } from "./rules/example-evidence.js";
export { CONTROLS, type Control } from "./rules/controls.js";
export { renderRulePage, type PageOptions } from "./rules/page.js";
export type { ConfigFile, PackFile, RuleFile } from "./rules/rule-schema.js";
export { loadData } from "./data/load.js";
export type { DataCatalogue, GatewayEntry, PortalEntry } from "./data/schema.js";
export { defaultRulesDir, dataDir } from "./paths.js";

// The two files: schemas (zod) and types, and reading evidence back.
export { EVIDENCE_FORMAT, evidenceSchema, type Evidence, type ResolverEvidence } from "./evidence/evidence.js";
export { FINDINGS_FORMAT, FINDINGS_FORMAT_V1, findingsFileSchema, findingsSchema, fromFindingsFile, toFindingsFile, SEVERITIES, STATUSES, type FindingsFile, type Assessment, type AssessmentCause, type Finding, type Findings, type Severity, type Status } from "./evidence/findings.js";
export { domainEvidence, type DomainEvidence } from "./evidence/domain.js";
export { mxHostEvidence, type MxHostEvidence } from "./evidence/mx-host.js";
export { tenantEvidence, type TenantEvidence } from "./evidence/tenant.js";
export { evidenceError, type EvidenceError } from "./evidence/common.js";
export { describeError, ERROR_CODES, ERRORS, isErrorCode, type ErrorCode, type ErrorEntry } from "./evidence/errors.js";
export { jsonSchemaOf, SCHEMA_NAMES, type SchemaName } from "./evidence/json-schema.js";
export { readEvidence } from "./input/evidence-file.js";

// Reports.
export { writeReports } from "./report/write.js";
export { FORMATS, REPORT_FORMATS, type Format } from "./report/registry.js";
export type { ReportFormat, ReportInput } from "./report/format.js";
export { renderChecklist } from "./report/checklist.js";
export { CSV_COLUMNS, renderCsv } from "./report/csv.js";
export { fixGroups, type Fix, type FixGroup } from "./report/fix-groups.js";
export { prepareOutDir } from "./report/out-dir.js";
export { diffFindings, newReaches, renderDiff, type Change, type FindingsDiff } from "./report/diff.js";
export { comparableFindings, readComparableFindings, readFindingsFile, type ComparableFindings } from "./input/findings-file.js";
export { renderSummary, summaryOf, type SummaryOptions } from "./report/summary.js";
export { findingsIndex, viewOf, type FindingsHead } from "./report/view.js";
export { matrixColumns, postureMatrix } from "./report/posture-matrix.js";

// SPF as a receiver evaluates it (RFC 7208 check_host()), and the DNS client behind every probe.
export { checkHost, LOOKUP_LIMIT, VOID_LOOKUP_LIMIT, type CheckHostResult } from "./probe/spf/check-host.js";
export { parseIp } from "./probe/spf/ip.js";
export { createResolver } from "./dns/resolver.js";
export { DEFAULT_RESOLVER, ResolverSpecError } from "./dns/resolver-spec.js";
export { ResolverUnavailableError } from "./dns/validation.js";

// Errors a caller can handle: bad input (exit 2 in the CLI) and files that do not load (file:line).
export { InputError, LoadError } from "./input/errors.js";

export { TOOL } from "./version.js";
