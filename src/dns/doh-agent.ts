// The HTTPS agent a DoH resolver uses: the system's roots plus any --ca-file, never less checking.
import { Agent } from "undici";
import { trustContext } from "../tls/trust.js";

export function dohAgent(extraCa: string[]): Agent | undefined {
  if (extraCa.length === 0) return undefined;
  return new Agent({ connect: { secureContext: trustContext(extraCa) } });
}
