export { loadPack, loadRule, type Pack, type Rule, SCOPE_VARIABLES } from "./pack.js";
export { evaluate, summarize } from "./evaluate.js";
export { loadConfig, EMPTY_CONFIG, parametersOf } from "./config.js";
export { runExamples, coverageProblems, type ExampleResult } from "./examples.js";
export { exampleEvidenceProblems } from "./example-evidence.js";
export { LoadError } from "../input/errors.js";
