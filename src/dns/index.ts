export * from "./types.js";
export * from "./errors.js";
export { createResolver, type ResolverOptions } from "./resolver.js";
export { parseResolverSpec, DEFAULT_RESOLVER, ResolverSpecError } from "./resolver-spec.js";
export { probeValidation, requireResolver, ResolverUnavailableError, type ValidationProbe } from "./validation.js";
export { normalizeDomain } from "./name.js";
