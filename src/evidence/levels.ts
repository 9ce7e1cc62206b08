// A finding's statuses and severities, in their order, without the schema library: the CLI reads
// them to parse --fail-on before any command runs, and loading zod for that would cost `--help`
// half its start-up.
export const STATUSES = ["pass", "fail", "warn", "info", "error", "not_applicable", "waived"] as const;
export const SEVERITIES = ["high", "medium", "low", "info"] as const;
