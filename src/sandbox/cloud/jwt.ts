// Just enough JWT for the fake token endpoint: check a client assertion the way Entra ID does
// (RFC 7523 §3: signature by the registered certificate, aud = the token endpoint, iss = sub =
// the client id, not expired), and sign the id tokens a public client expects.
import { constants, createHash, createHmac, createPublicKey, randomBytes, verify, type X509Certificate } from "node:crypto";

export interface AssertionCheck {
  ok: boolean;
  /** The AADSTS error Entra ID would give. */
  error?: string;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");

export function checkClientAssertion(jwt: string, o: { cert: X509Certificate; clientId: string; audience: string; now?: number }): AssertionCheck {
  const parts = jwt.split(".");
  if (parts.length !== 3) return { ok: false, error: "AADSTS50027: JWT token is invalid or malformed." };
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: string; "x5t#S256"?: string; x5t?: string };
  let payload: { aud?: string; iss?: string; sub?: string; exp?: number; nbf?: number };
  try {
    header = JSON.parse(Buffer.from(h, "base64url").toString("utf8"));
    payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  } catch {
    return { ok: false, error: "AADSTS50027: JWT token is invalid or malformed." };
  }
  const der = o.cert.raw;
  // msal-node sends x5t#S256 for thumbprintSha256 (and x5t, SHA-1, for the older thumbprint).
  const bySha256 = header["x5t#S256"] === b64url(createHash("sha256").update(der).digest());
  const bySha1 = header.x5t === b64url(createHash("sha1").update(der).digest());
  if (!bySha256 && !bySha1) {
    return { ok: false, error: "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application." };
  }
  const key = createPublicKey(o.cert.publicKey.export({ type: "spki", format: "pem" }));
  const data = Buffer.from(`${h}.${p}`);
  const sig = Buffer.from(s, "base64url");
  const valid =
    header.alg === "PS256"
      ? verify("sha256", data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig)
      : header.alg === "RS256"
        ? verify("sha256", data, key, sig)
        : false;
  if (!valid) return { ok: false, error: "AADSTS700027: Client assertion failed signature validation." };
  const now = o.now ?? Math.floor(Date.now() / 1000);
  if (payload.aud !== o.audience) return { ok: false, error: `AADSTS50027: Invalid JWT token: the audience is not the token endpoint (${o.audience}).` };
  if (payload.iss !== o.clientId || payload.sub !== o.clientId) return { ok: false, error: "AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter." };
  if (typeof payload.exp !== "number" || payload.exp < now) return { ok: false, error: "AADSTS700024: Client assertion is not within its valid time range." };
  if (typeof payload.nbf === "number" && payload.nbf > now + 300) return { ok: false, error: "AADSTS700024: Client assertion is not within its valid time range." };
  return { ok: true };
}

/** An id token: MSAL reads its claims to build the account; it does not check the signature. */
export function signIdToken(claims: Record<string, unknown>, key = randomBytes(32)): string {
  const h = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const p = b64url(JSON.stringify(claims));
  return `${h}.${p}.${b64url(createHmac("sha256", key).update(`${h}.${p}`).digest())}`;
}
