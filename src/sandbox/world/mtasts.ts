// MTA-STS and TLS-RPT for the demo domains, and the HTTPS policy servers that go with them:
// good-council.example enforces, monitoring-trust.example is testing, gateway-county.example
// enforces a policy that forgets one of its MX hosts and keeps it for a week only.
// The servers share one loopback port and a throw-away test CA; a run reaches them through
// ProbeContext.httpsPort and trusts the CA through ProbeContext.ca, as --ca-file would.
import type { ProbeContext } from "../../probe/context.js";
import { type Zone, zone } from "../dns/zone.js";
import { type Site, startHttpsServer } from "../https/server.js";
import { createTestCa } from "../pki.js";

const POLICY_PATH = "/.well-known/mta-sts.txt";

/** The policy each demo domain serves at https://mta-sts.<domain>/.well-known/mta-sts.txt. */
export const demoPolicies: Record<string, string> = {
  "good-council.example": "version: STSv1\r\nmode: enforce\r\nmx: *.mail.protection.outlook.com\r\nmax_age: 1209600\r\n",
  "monitoring-trust.example": "version: STSv1\nmode: testing\nmx: *.mail.protection.outlook.com\nmax_age: 86400\n",
  "gateway-county.example": "version: STSv1\nmode: enforce\nmx: eu-smtp-inbound-1.mimecast.com\nmax_age: 604800\n",
};

export function mtaStsZones(): Zone[] {
  return [
    zone("good-council.example", "secure", [
      '_mta-sts TXT "v=STSv1; id=20250301000000"',
      "mta-sts A 127.0.0.1",
      '_smtp._tls TXT "v=TLSRPTv1; rua=mailto:tls-reports@good-council.example"',
    ]),
    zone("monitoring-trust.example", "insecure", [
      '_mta-sts TXT "v=STSv1; id=2025testing1"',
      "mta-sts A 127.0.0.1",
      '_smtp._tls TXT "v=TLSRPTv1; rua=mailto:tls-reports@monitoring-trust.example"',
    ]),
    zone("gateway-county.example", "secure", [
      '_mta-sts TXT "v=STSv1; id=1"',
      "mta-sts A 127.0.0.1",
    ]),
  ];
}

export interface RunningPolicyServers {
  /** The test CA's root (PEM), to add to ProbeContext.ca. */
  ca: string[];
  /** The probe context fields that send policy fetches to these servers. */
  context: Pick<ProbeContext, "httpsPort">;
  requests(host: string): number;
  close(): Promise<void>;
}

/** Starts the demo's policy servers on 127.0.0.1 (one port, a site per mta-sts.<domain>). */
export async function startMtaStsServers(): Promise<RunningPolicyServers> {
  const ca = await createTestCa("exo-posture demo CA");
  const sites: Site[] = await Promise.all(
    Object.entries(demoPolicies).map(async ([domain, policy]) => {
      const host = `mta-sts.${domain}`;
      const cert = await ca.issue({ names: [host] });
      return {
        host,
        keyPem: cert.keyPem,
        certPem: cert.chainPem,
        paths: { [POLICY_PATH]: { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: policy } },
      };
    }),
  );
  const server = await startHttpsServer({ sites });
  return { ca: [ca.certPem], context: { httpsPort: server.port }, requests: server.requests, close: server.close };
}
