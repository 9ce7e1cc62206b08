// Reading p= of a DKIM key record with node:crypto: the key's type and size, or why it is not a key.
// RFC 6376 §3.6.1: p= is base64, its meaning set by k=. For k=rsa verifiers parse a DER
// SubjectPublicKeyInfo; for k=ed25519 p= is the bare 32-byte public key (RFC 8463 §4).
import { createPublicKey } from "node:crypto";
import type { DkimPublicKey } from "../../evidence/dkim.js";

export type KeyReading = { ok: true; key: DkimPublicKey; warning: string | null } | { ok: false; problem: string };

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4), before the 32 key bytes. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** RFC 6376 §3.6.1: p= is a base64string, which may hold white space (FWS) anywhere. */
export function decodeBase64(p: string): Buffer | null {
  const b64 = p.replace(/[ \t\r\n]+/g, "");
  if (b64 === "" || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  return Buffer.from(b64, "base64");
}

export function readPublicKey(keyType: string, p: string): KeyReading {
  const der = decodeBase64(p);
  if (!der) return { ok: false, problem: "p= is not valid base64, so no verifier can read the key" };
  if (keyType === "ed25519") {
    if (der.length !== 32) return { ok: false, problem: `p= holds ${der.length} bytes, but an Ed25519 key is the 32-byte public key (RFC 8463 §4)` };
    try {
      createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, der]), format: "der", type: "spki" });
    } catch (err) {
      return { ok: false, problem: `p= is not an Ed25519 public key (${(err as Error).message})` };
    }
    return { ok: true, key: { type: "ed25519", bits: 256, encoding: "raw" }, warning: null };
  }
  // k=rsa (the default).
  try {
    const key = createPublicKey({ key: der, format: "der", type: "spki" });
    if (key.asymmetricKeyType !== "rsa") {
      return { ok: false, problem: `p= holds a key of type ${key.asymmetricKeyType ?? "unknown"}, but the record says k=rsa` };
    }
    return { ok: true, key: { type: "rsa", bits: key.asymmetricKeyDetails?.modulusLength ?? 0, encoding: "spki" }, warning: null };
  } catch {
    // Some publish the bare RSAPublicKey; OpenSSL-based verifiers read it, others do not.
  }
  try {
    const key = createPublicKey({ key: der, format: "der", type: "pkcs1" });
    return {
      ok: true,
      key: { type: "rsa", bits: key.asymmetricKeyDetails?.modulusLength ?? 0, encoding: "pkcs1" },
      warning: "p= is a bare RSAPublicKey, not the SubjectPublicKeyInfo most verifiers expect; some will fail to read it",
    };
  } catch (err) {
    return { ok: false, problem: `p= is base64 but not an RSA public key (${(err as Error).message})` };
  }
}
