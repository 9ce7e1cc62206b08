// Matching a presented certificate chain against TLSA records, as an SMTP client does under
// RFC 7672 §3 (with RFC 7671 §5 for the usages and RFC 6698 §2.1 for the fields).
//   DANE-EE(3): the leaf's certificate or key matches; no name, no expiry check (RFC 7672 §3.1.1).
//   DANE-TA(2): a certificate of the chain (or the key in a "2 1 0" record) is the trust anchor;
//     the chain below it must verify up to it, be in date, and the leaf must carry one of the
//     reference identifiers (RFC 7672 §3.1.2, §3.2.2, §3.2.3).
//   PKIX-TA(0), PKIX-EE(1): unusable for SMTP (RFC 7672 §3.1.3).
// Pure: certificates and records in, verdict out, so every case is a table-driven unit test.
import { X509Certificate, createHash, createPublicKey } from "node:crypto";

export interface TlsaRecord {
  usage: number;
  selector: number;
  matchingType: number;
  /** Certificate association data, lower-case hex. */
  data: string;
}

export interface UsableCheck {
  usable: boolean;
  /** Why a record is unusable, for the report. */
  reason: string | null;
}

export interface ChainMatch {
  /** True when at least one usable record authenticates the chain. */
  verified: boolean;
  /** The record (in presentation form) that authenticated it and the depth of the matching certificate (0 = leaf; -1 = the record's own key). */
  matchedBy: { record: string; depth: number } | null;
  /** Why each usable record did not authenticate the chain. */
  problems: string[];
}

export function tlsaText(r: TlsaRecord): string {
  return `${r.usage} ${r.selector} ${r.matchingType} ${r.data}`;
}

/** RFC 7672 §3.1.3 and RFC 7671 §4.1: which records an SMTP client may use at all. */
export function usability(r: TlsaRecord): UsableCheck {
  if (r.usage === 0 || r.usage === 1) return { usable: false, reason: `usage ${r.usage} (PKIX-${r.usage === 0 ? "TA" : "EE"}) is not used by SMTP clients (RFC 7672 §3.1.3)` };
  if (r.usage !== 2 && r.usage !== 3) return { usable: false, reason: `unknown usage ${r.usage}` };
  if (r.selector !== 0 && r.selector !== 1) return { usable: false, reason: `unknown selector ${r.selector}` };
  if (r.matchingType < 0 || r.matchingType > 2) return { usable: false, reason: `unknown matching type ${r.matchingType}` };
  const lengths: Record<number, number> = { 1: 64, 2: 128 };
  const want = lengths[r.matchingType];
  if (want !== undefined && r.data.length !== want) {
    return { usable: false, reason: `a ${r.matchingType === 1 ? "SHA2-256" : "SHA2-512"} digest must be ${want / 2} bytes, this one is ${r.data.length / 2}` };
  }
  if (r.data.length === 0 || !/^[0-9a-f]*$/i.test(r.data) || r.data.length % 2 !== 0) return { usable: false, reason: "association data is not hex" };
  return { usable: true, reason: null };
}

/** RFC 6698 §2.1.2–2.1.3: the selected part of a certificate, hashed by the matching type. */
export function associationData(cert: X509Certificate, selector: number, matchingType: number): string {
  const selected = selector === 0 ? cert.raw : (cert.publicKey.export({ type: "spki", format: "der" }) as Buffer);
  if (matchingType === 1) return createHash("sha256").update(selected).digest("hex");
  if (matchingType === 2) return createHash("sha512").update(selected).digest("hex");
  return selected.toString("hex");
}

export function matchChain(records: TlsaRecord[], chainPem: string[], referenceNames: string[], now: Date): ChainMatch {
  const chain = chainPem.map((p) => new X509Certificate(p));
  const problems: string[] = [];
  if (chain.length === 0) return { verified: false, matchedBy: null, problems: ["the server presented no certificate"] };
  const usable = records.filter((x) => usability(x).usable);
  if (usable.length === 0) return { verified: false, matchedBy: null, problems: ["no usable TLSA record (RFC 7672 §3.1.3)"] };
  for (const r of usable) {
    const data = r.data.toLowerCase();
    if (r.usage === 3) {
      // RFC 7672 §3.1.1: only the leaf, no name or validity checks.
      if (associationData(chain[0]!, r.selector, r.matchingType) === data) return { verified: true, matchedBy: { record: tlsaText(r), depth: 0 }, problems: [] };
      problems.push(`${tlsaText(r)}: does not match the server's certificate`);
      continue;
    }
    const anchor = trustAnchor(r, data, chain);
    if (!anchor) {
      problems.push(`${tlsaText(r)}: no certificate in the presented chain matches this trust anchor (RFC 7672 §3.2.1: the TA must be in the chain unless the record holds its full key)`);
      continue;
    }
    const broken = verifyBelow(chain, anchor, now);
    if (broken) {
      problems.push(`${tlsaText(r)}: ${broken}`);
      continue;
    }
    if (!namesMatch(chain[0]!, referenceNames)) {
      problems.push(`${tlsaText(r)}: the certificate names ${describeNames(chain[0]!)}, not ${referenceNames.join(" or ")} (RFC 7672 §3.2.3)`);
      continue;
    }
    return { verified: true, matchedBy: { record: tlsaText(r), depth: anchor.depth }, problems: [] };
  }
  return { verified: false, matchedBy: null, problems };
}

/** Where the trust anchor sits: a certificate of the chain, or (2 1 0) only the record's key. */
type Anchor = { depth: number; key: ReturnType<typeof createPublicKey> };

function trustAnchor(r: TlsaRecord, data: string, chain: X509Certificate[]): Anchor | null {
  for (let depth = 0; depth < chain.length; depth++) {
    const c = chain[depth]!;
    if (associationData(c, r.selector, r.matchingType) === data) return { depth, key: c.publicKey };
  }
  // RFC 7671 §5.2.2: a "2 1 0" record carries the whole key, so the TA itself need not be sent.
  if (r.selector === 1 && r.matchingType === 0) {
    try {
      return { depth: chain.length, key: createPublicKey({ key: Buffer.from(data, "hex"), format: "der", type: "spki" }) };
    } catch {
      return null;
    }
  }
  return null;
}

/** Each certificate below the anchor is signed by the next one up and in date; null when the path holds. */
function verifyBelow(chain: X509Certificate[], anchor: Anchor, now: Date): string | null {
  for (let i = 0; i < anchor.depth; i++) {
    const cert = chain[i]!;
    const issuerKey = i + 1 === anchor.depth ? anchor.key : chain[i + 1]!.publicKey;
    if (!cert.verify(issuerKey)) return `the certificate at depth ${i} is not signed by the one above it (the chain does not lead to the trust anchor)`;
    if (i + 1 < anchor.depth && !chain[i + 1]!.ca) return `the certificate at depth ${i + 1} is not a CA certificate`;
    if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) {
      return `the certificate at depth ${i} is not valid now (valid ${new Date(cert.validFrom).toISOString()} to ${new Date(cert.validTo).toISOString()})`;
    }
  }
  return null;
}

/**
 * RFC 7672 §3.2.3: DNS-ID subjectAltNames (the subject CN only when there are none); a wildcard
 * only as the whole leftmost label, matching exactly one label.
 */
export function namesMatch(leaf: X509Certificate, referenceNames: string[]): boolean {
  const wanted = referenceNames.map(canonical);
  return presentedNames(leaf).some((p) => {
    const name = canonical(p);
    if (wanted.includes(name)) return true;
    if (!name.startsWith("*.")) return false;
    const rest = name.slice(1);
    return wanted.some((w) => w.endsWith(rest) && !w.slice(0, -rest.length).includes(".") && w.length > rest.length);
  });
}

function presentedNames(cert: X509Certificate): string[] {
  const sans = (cert.subjectAltName ?? "").split(", ").filter((n) => n.startsWith("DNS:")).map((n) => n.slice(4));
  if (sans.length > 0) return sans;
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
  return cn ? [cn] : [];
}

function describeNames(cert: X509Certificate): string {
  const names = presentedNames(cert);
  return names.length > 0 ? names.join(", ") : "no DNS name";
}

function canonical(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}
