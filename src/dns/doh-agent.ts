// The HTTPS agent a DoH resolver uses: the system's roots plus any --ca-file, never less checking.
import { rootCertificates } from "node:tls";
import { Agent } from "undici";

export function dohAgent(extraCa: string[]): Agent | undefined {
  if (extraCa.length === 0) return undefined;
  return new Agent({ connect: { ca: [...rootCertificates, ...extraCa] } });
}
