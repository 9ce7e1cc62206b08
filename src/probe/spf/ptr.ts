// RFC 7208 §5.5: the validated domain names of <ip>, for the ptr mechanism and the %{p} macro.
import { targetName } from "./domain-spec.js";
import { inNetwork, recordAddress, reverseName } from "./ip.js";
import type { SpfStep } from "./types.js";
import { ask, SpfTempError, type Walk } from "./walk.js";

/**
 * Looks up the PTR names of <ip> and keeps those whose A (or AAAA) records include <ip>. Only the
 * first 10 PTR records count (§4.6.4: the rest MUST be ignored, because the sender does not control
 * them). A DNS error on the PTR lookup gives no names; on an address lookup it skips that name (§5.5).
 * `wanted` narrows the names worth validating (the ptr mechanism needs only those under its target),
 * which asks fewer questions without changing the answer.
 */
export async function validatedNames(walk: Walk, step: Pick<SpfStep, "queries">, wanted?: (name: string) => boolean): Promise<string[]> {
  let names: string[];
  try {
    const answer = await ask(walk, step, reverseName(walk.ip), "PTR");
    names = answer.records.map((r) => String(r.data).replace(/\.$/, "").toLowerCase()).filter((n) => n !== "").slice(0, 10);
  } catch (err) {
    if (err instanceof SpfTempError) return [];
    throw err;
  }
  const candidates = wanted ? names.filter(wanted) : names;
  const type = walk.ip.version === 4 ? "A" : "AAAA";
  const full = walk.ip.version === 4 ? 32 : 128;
  const valid = await Promise.all(
    candidates.map(async (name) => {
      if (!targetName(name).ok) return false;
      try {
        const answer = await ask(walk, step, name, type);
        return answer.records.some((r) => {
          const address = recordAddress(r.data);
          return address !== null && inNetwork(walk.ip, address, full);
        });
      } catch (err) {
        if (err instanceof SpfTempError) return false;
        throw err;
      }
    }),
  );
  return candidates.filter((_, i) => valid[i]);
}

/** Whether `name` is `target` or a subdomain of it (§5.5), ignoring case. */
export function isAtOrUnder(name: string, target: string): boolean {
  const n = name.toLowerCase();
  const t = target.toLowerCase();
  return n === t || n.endsWith(`.${t}`);
}
