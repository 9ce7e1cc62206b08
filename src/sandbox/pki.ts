// A throw-away PKI for the sandbox, the integration tests and the loopback test world: a root CA
// and an intermediate made at run time, so no private key is ever committed.
// Trust it with `--ca-file` (ProbeContext.ca) — never by turning certificate checks off.
import "reflect-metadata"; // @peculiar/x509 (through tsyringe) needs the Reflect metadata API first.
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

export interface IssuedCert {
  certPem: string;
  keyPem: string;
  /** leaf then intermediates, PEM */
  chainPem: string;
}

export interface TestCa {
  name: string;
  /** The root: the trust anchor to hand to --ca-file. */
  certPem: string;
  keyPem: string;
  /** The intermediate that signs every leaf (sent in chainPem; a DANE-TA anchor in tests). */
  intermediateCertPem: string;
  issue(o: { names: string[]; notBefore?: Date; notAfter?: Date; keyType?: "rsa" | "ec" }): Promise<IssuedCert>;
  selfSigned(o: { names: string[]; notBefore?: Date; notAfter?: Date }): Promise<IssuedCert>;
}

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const crypto = webcrypto;
x509.cryptoProvider.set(crypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);

const ecdsa = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
const rsa = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function createTestCa(name = "exo-posture test CA"): Promise<TestCa> {
  const now = Date.now();
  const rootKeys = await generateKeys("ec");
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    name: dn(`${name} root`),
    keys: rootKeys,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 3650 * DAY),
    signingAlgorithm: ecdsa,
    extensions: await caExtensions(rootKeys.publicKey, null),
  });
  const interKeys = await generateKeys("ec");
  const inter = await x509.X509CertificateGenerator.create({
    subject: dn(`${name} intermediate`),
    issuer: root.subject,
    publicKey: interKeys.publicKey,
    signingKey: rootKeys.privateKey,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 3650 * DAY),
    signingAlgorithm: ecdsa,
    extensions: await caExtensions(interKeys.publicKey, root),
  });
  const rootKeyPem = await keyPemOf(rootKeys.privateKey);
  const interPem = inter.toString("pem");

  return {
    name,
    certPem: root.toString("pem") + "\n",
    keyPem: rootKeyPem,
    intermediateCertPem: interPem + "\n",
    async issue(o) {
      const keys = await generateKeys(o.keyType ?? "ec");
      const leaf = await x509.X509CertificateGenerator.create({
        subject: dn(firstName(o.names)),
        issuer: inter.subject,
        publicKey: keys.publicKey,
        signingKey: interKeys.privateKey,
        ...validity(o),
        signingAlgorithm: ecdsa,
        extensions: [
          ...(await leafExtensions(o.names, keys.publicKey, o.keyType ?? "ec")),
          await x509.AuthorityKeyIdentifierExtension.create(inter),
        ],
      });
      const certPem = leaf.toString("pem") + "\n";
      return { certPem, keyPem: await keyPemOf(keys.privateKey), chainPem: certPem + interPem + "\n" };
    },
    async selfSigned(o) {
      const keys = await generateKeys("ec");
      const cert = await x509.X509CertificateGenerator.createSelfSigned({
        name: dn(firstName(o.names)),
        keys,
        ...validity(o),
        signingAlgorithm: ecdsa,
        extensions: await leafExtensions(o.names, keys.publicKey, "ec"),
      });
      const certPem = cert.toString("pem") + "\n";
      return { certPem, keyPem: await keyPemOf(keys.privateKey), chainPem: certPem };
    },
  };
}

function generateKeys(keyType: "rsa" | "ec"): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(keyType === "ec" ? ecdsa : rsa, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
}

async function keyPemOf(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey("pkcs8", key));
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join("\n")}\n-----END PRIVATE KEY-----\n`;
}

function dn(commonName: string): string {
  // Commas and other specials would need RFC 4514 escaping; test names never carry them.
  if (/[,+="\\<>;#]/.test(commonName)) throw new Error(`test PKI: unsupported character in name ${commonName}`);
  return `CN=${commonName}`;
}

function firstName(names: string[]): string {
  const first = names[0];
  if (!first) throw new Error("test PKI: a certificate needs at least one name");
  return first;
}

// Default: valid from an hour ago for 30 days, so tests with a real clock see a current certificate.
function validity(o: { notBefore?: Date; notAfter?: Date }): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  return { notBefore: o.notBefore ?? new Date(now - HOUR), notAfter: o.notAfter ?? new Date(now + 30 * DAY) };
}

async function caExtensions(publicKey: CryptoKey, issuer: x509.X509Certificate | null): Promise<x509.Extension[]> {
  const ext: x509.Extension[] = [
    new x509.BasicConstraintsExtension(true, issuer ? 0 : undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
  ];
  if (issuer) ext.push(await x509.AuthorityKeyIdentifierExtension.create(issuer));
  return ext;
}

// RFC 6125 §6.4.4: clients match DNS-IDs in subjectAltName, so every name goes there.
async function leafExtensions(names: string[], publicKey: CryptoKey, keyType: "rsa" | "ec"): Promise<x509.Extension[]> {
  const usage = x509.KeyUsageFlags.digitalSignature | (keyType === "rsa" ? x509.KeyUsageFlags.keyEncipherment : 0);
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(usage, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: "dns" as const, value }))),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
  ];
}
