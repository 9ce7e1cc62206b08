// STARTTLS, DNSSEC and DANE in the sample world: MX hosts on their own 127.0.0.x addresses, each
// an in-process SMTP server on 127.0.0.1 that ProbeContext.smtpEndpoint routes to, with TLSA
// records that match, that do not, DANE-TA and DANE-EE, unsigned and bogus zones.
// Certificates are made at start from a throw-away CA, so the TLSA data is computed here too.
import { X509Certificate, createHash } from "node:crypto";
import type { ProbeContext } from "../../probe/context.js";
import { type Dnssec, type Zone, zone as makeZone } from "../dns/zone.js";
import { type IssuedCert, createTestCa } from "../pki.js";
import { type RunningSmtpServer, type SmtpServerMode, startSmtpServer } from "../smtp/server.js";

/** What each sample domain shows, and the verdicts the integration tests expect of it. */
export const transportDomains = [
  "dane-good.example",
  "dane-mismatch.example",
  "dane-ta.example",
  "dane-wrongname.example",
  "dane-expired.example",
  "dane-selfsigned.example",
  "dane-pkix.example",
  "dane-cname.example",
  "no-starttls.example",
  "legacy-tls.example",
  "stalled-mx.example",
  "unsigned-dane.example",
  "bogus-dane.example",
];

export interface RunningTransportWorld {
  domains: string[];
  zones: Zone[];
  /** The CA root (PEM) the servers' certificates chain to: add to ProbeContext.ca. */
  ca: string[];
  context: Required<Pick<ProbeContext, "smtpEndpoint">>;
  close(): Promise<void>;
}

const DAY = 86_400_000;

/** TLSA association data (RFC 6698 §2.1): selector 0 = certificate, 1 = SubjectPublicKeyInfo. */
function tlsa(usage: number, selector: number, matchingType: number, pem: string): string {
  const cert = new X509Certificate(pem);
  const selected = selector === 0 ? cert.raw : (cert.publicKey.export({ type: "spki", format: "der" }) as Buffer);
  const data = matchingType === 0 ? selected.toString("hex") : createHash(matchingType === 1 ? "sha256" : "sha512").update(selected).digest("hex");
  return `TLSA ${usage} ${selector} ${matchingType} ${data}`;
}

interface HostSpec {
  address: string;
  mode: SmtpServerMode;
  cert: IssuedCert | null;
}

export async function startTransportWorld(): Promise<RunningTransportWorld> {
  const ca = await createTestCa("exo-posture sandbox transport CA");
  const now = Date.now();
  const issue = (name: string, extra: { notBefore?: Date; notAfter?: Date } = {}) => ca.issue({ names: [name], ...extra });
  const [good, mismatch, ta, wrongName, expired, legacy, unsigned, other, next] = await Promise.all([
    issue("mx.dane-good.example"),
    issue("mx.dane-mismatch.example"),
    issue("mx.dane-ta.example"),
    issue("mail.somewhere-else.example"),
    issue("mx.dane-expired.example", { notBefore: new Date(now - 90 * DAY), notAfter: new Date(now - 30 * DAY) }),
    issue("mx.legacy-tls.example"),
    issue("mx.unsigned-dane.example"),
    issue("mx.other.example"),
    issue("next-key.example"),
  ]);
  const selfSigned = await ca.selfSigned({ names: ["mx.dane-selfsigned.example"] });
  const inter = ca.intermediateCertPem;

  const hosts: Record<string, HostSpec> = {
    "127.0.0.20": { address: "127.0.0.20", mode: "starttls", cert: good },
    "127.0.0.21": { address: "127.0.0.21", mode: "starttls", cert: mismatch },
    "127.0.0.22": { address: "127.0.0.22", mode: "starttls", cert: ta },
    "127.0.0.23": { address: "127.0.0.23", mode: "starttls", cert: wrongName },
    "127.0.0.24": { address: "127.0.0.24", mode: "starttls", cert: expired },
    "127.0.0.25": { address: "127.0.0.25", mode: "starttls", cert: selfSigned },
    "127.0.0.26": { address: "127.0.0.26", mode: "no-starttls", cert: null },
    "127.0.0.27": { address: "127.0.0.27", mode: "tls10-only", cert: legacy },
    "127.0.0.28": { address: "127.0.0.28", mode: "stall-after-banner", cert: null },
    "127.0.0.29": { address: "127.0.0.29", mode: "starttls", cert: unsigned },
  };
  // Every sample domain has sound SPF and DMARC, so its findings are about transport security.
  const zone = (origin: string, dnssec: Dnssec, lines: string[]) =>
    makeZone(origin, dnssec, ['@ TXT "v=spf1 -all"', `_dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc-reports@${origin}"`, ...lines]);
  const zones = [
    // DANE-EE for today's key plus DANE-TA for the issuing CA: matches, survives rollover.
    zone("dane-good.example", "secure", ["@ MX 10 mx", "mx A 127.0.0.20", `_25._tcp.mx ${tlsa(3, 1, 1, good.certPem)}`, `_25._tcp.mx ${tlsa(2, 1, 1, inter)}`,
      // A shared DANE-TA RRset other hosts reach by CNAME (RFC 7672 §2.2.3 lets the TLSA owner be an alias).
      `_ca-tlsa ${tlsa(2, 1, 1, inter)}`]),
    // The TLSA record names another key: DANE senders refuse the host.
    zone("dane-mismatch.example", "secure", ["@ MX 10 mx", "mx A 127.0.0.21", `_25._tcp.mx ${tlsa(3, 1, 1, other.certPem)}`]),
    // DANE-TA only, by the digest of the intermediate certificate the server sends.
    zone("dane-ta.example", "secure", ["@ MX 10 mx", "mx A 127.0.0.22", `_25._tcp.mx ${tlsa(2, 0, 1, inter)}`]),
    // DANE-TA matches, but the certificate names another host (RFC 7672 §3.2.3 name check fails).
    zone("dane-wrongname.example", "secure", ["@ MX 10 mx", "mx A 127.0.0.23", `_25._tcp.mx ${tlsa(2, 1, 1, inter)}`]),
    // DANE-EE ignores expiry (RFC 7672 §3.1.1): passes DANE, fails WebPKI; SHA2-512 plus a next key.
    zone("dane-expired.example", "secure", ["@ MX 10 mx", "mx A 127.0.0.24", `_25._tcp.mx ${tlsa(3, 1, 2, expired.certPem)}`, `_25._tcp.mx ${tlsa(3, 1, 1, next.certPem)}`]),
    // A self-signed certificate, pinned in full (3 0 0), with the next key pre-published.
    zone("dane-selfsigned.example", "secure", ["@ MX 10 mx", "mx A 127.0.0.25", `_25._tcp.mx ${tlsa(3, 0, 0, selfSigned.certPem)}`, `_25._tcp.mx ${tlsa(3, 1, 1, next.certPem)}`]),
    // Only PKIX-EE: unusable for SMTP (RFC 7672 §3.1.3). The catch-all server answers for it.
    zone("dane-pkix.example", "secure", ["@ MX 10 mx", "mx A 127.0.0.30", `_25._tcp.mx ${tlsa(1, 1, 1, good.certPem)}`]),
    // The TLSA RRset reached through a CNAME to the shared DANE-TA record.
    zone("dane-cname.example", "secure", ["@ MX 10 mx", "mx A 127.0.0.30", "_25._tcp.mx CNAME _ca-tlsa.dane-good.example."]),
    zone("no-starttls.example", "secure", ["@ MX 10 mx", "mx A 127.0.0.26", `_25._tcp.mx ${tlsa(3, 1, 1, good.certPem)}`]),
    zone("legacy-tls.example", "insecure", ["@ MX 10 mx", "mx A 127.0.0.27"]),
    zone("stalled-mx.example", "insecure", ["@ MX 10 mx", "mx A 127.0.0.28"]),
    // TLSA in an unsigned zone: senders must ignore it (RFC 7672 §2.2).
    zone("unsigned-dane.example", "insecure", ["@ MX 10 mx", "mx A 127.0.0.29", `_25._tcp.mx ${tlsa(3, 1, 1, unsigned.certPem)}`]),
    zone("bogus-dane.example", "bogus", ["@ MX 10 mx", "mx A 127.0.0.20", `_25._tcp.mx ${tlsa(3, 1, 1, good.certPem)}`]),
  ];

  const servers = new Map<string, RunningSmtpServer>();
  await Promise.all(
    Object.values(hosts).map(async (h) => {
      const name = h.cert ? new X509Certificate(h.cert.certPem).subject.replace(/^CN=/, "") : `mx.${h.address}`;
      servers.set(h.address, await startSmtpServer({ hostname: name, mode: h.mode, chainPem: h.cert?.chainPem, keyPem: h.cert?.keyPem }));
    }),
  );
  // Every other MX host of the sample world (Exchange Online, the gateway, 127.0.0.30): a
  // well-run server with a certificate for whatever name the client asks for.
  const catchAll = await startSmtpServer({ hostname: "mx.sandbox.example", mode: "starttls", certFor: (n) => ca.issue({ names: [n] }) });

  return {
    domains: [...transportDomains],
    zones,
    ca: [ca.certPem],
    context: {
      smtpEndpoint: (address) => {
        const s = servers.get(address) ?? catchAll;
        return { host: s.host, port: s.port };
      },
    },
    close: async () => {
      await Promise.all([...servers.values(), catchAll].map((s) => s.close()));
    },
  };
}
