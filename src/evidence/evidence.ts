// The evidence file: the one hand-off between probes/collectors and the rules. Versioned.
import { z } from "zod";
import { domainEvidence } from "./domain.js";
import { messageEvidence } from "./message.js";
import { mxHostEvidence } from "./mx-host.js";
import { tenantEvidence } from "./tenant.js";

export const EVIDENCE_FORMAT = "exo-posture-evidence/1";

export const resolverEvidence = z.object({
  spec: z.string(),
  kind: z.enum(["udp", "doh"]),
  server: z.string(),
  /** Whether the resolver validates DNSSEC; null when that could not be found out. */
  validatesDnssec: z.boolean().nullable(),
  validationDetail: z.string(),
});

export const evidenceSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  tool: z.object({ name: z.string(), version: z.string() }),
  collectedAt: z.string(),
  resolver: resolverEvidence,
  tenant: tenantEvidence.nullable(),
  domains: z.record(z.string(), domainEvidence),
  mxHosts: z.record(z.string(), mxHostEvidence),
  /**
   * The share of the domain list this run took (assess --shard k/n: by a hash of each name,
   * src/run/shard.ts); absent in a run of the whole list. `exo-posture merge` checks that every
   * shard of n is there exactly once.
   */
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }).optional(),
  /** Sample messages given with --message, keyed by file; absent in evidence from before messages existed. */
  messages: z.record(z.string(), messageEvidence).optional(),
  stats: z.object({
    durationMs: z.number(),
    dnsQueries: z.number().int(),
    dnsSent: z.number().int(),
    dnsCacheHits: z.number().int(),
    dnsInflightJoins: z.number().int(),
  }),
});
export type Evidence = z.infer<typeof evidenceSchema>;
export type ResolverEvidence = z.infer<typeof resolverEvidence>;
