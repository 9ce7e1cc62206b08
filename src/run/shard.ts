// Shards: one domain list split over several runs (several machines, or one scheduler's jobs),
// then merged (src/merge.ts). A domain's shard is a hash of its name, so it does not depend on the
// order of the list, on which other domains are in it, or on the machine: k of n always takes the
// same domains, and the n shards together take each domain exactly once.
import { createHash } from "node:crypto";
import { InputError } from "../input/errors.js";

/** Shard `index` of `count` (1-based: 1/3, 2/3, 3/3). */
export interface Shard { index: number; count: number }

/** The most shards a list is split into. */
export const MAX_SHARDS = 10_000;

/** "2/3" → { index: 2, count: 3 }; anything else is one line of bad input. */
export function parseShard(text: string): Shard {
  const m = /^(\d{1,5})\/(\d{1,5})$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new InputError(`--shard ${JSON.stringify(text)} is not k/n with 1 <= k <= n <= ${MAX_SHARDS} (e.g. 2/3; a Kubernetes Indexed Job's JOB_COMPLETION_INDEX counts from 0, so give $((JOB_COMPLETION_INDEX + 1))/n)`);
  }
  return { index, count };
}

/** The shard (1..count) a domain belongs to: the first 32 bits of the SHA-256 of its name, in lower case, modulo count. */
export function shardOf(domain: string, count: number): number {
  return (createHash("sha256").update(domain.toLowerCase()).digest().readUInt32BE(0) % count) + 1;
}

export function inShard(domain: string, shard: Shard): boolean {
  return shardOf(domain, shard.count) === shard.index;
}
