// The app's certificate credential: one PEM file holding the certificate and its private key (what
// AZURE_CLIENT_CERTIFICATE_PATH means to the Azure SDKs). Read and checked before any network
// traffic, so a wrong file is a one-line error, not a failed sign-in. The key stays in memory.
import { createPrivateKey, X509Certificate } from "node:crypto";
import { MAX_BYTES, readUserFile } from "../input/read-file.js";
import { InputError } from "../input/errors.js";

export interface ClientCertificate {
  /** SHA-256 of the DER certificate, upper-case hex: what msal-node 7 wants as `thumbprintSha256`. */
  thumbprintSha256: string;
  /** PKCS#8 PEM, the form msal-node signs with. */
  privateKey: string;
  subject: string;
  notAfter: Date;
}

const CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const KEY = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

export async function readClientCertificate(path: string, now = new Date()): Promise<ClientCertificate> {
  return parseClientCertificate(await readUserFile(path, "the certificate file", MAX_BYTES.pem), path, now);
}

export function parseClientCertificate(pem: string, where: string, now = new Date()): ClientCertificate {
  const certPem = CERT.exec(pem)?.[0];
  if (!certPem) throw new InputError(`${where} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  const keyPem = KEY.exec(pem)?.[0];
  if (!keyPem) {
    throw new InputError(`${where} holds no private key: give one PEM file with the certificate and its unencrypted private key`);
  }
  if (keyPem.includes("ENCRYPTED")) {
    throw new InputError(`${where}: the private key is encrypted; export it unencrypted (openssl pkey -in key.pem -out plain.pem) and protect the file instead`);
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch (err) {
    throw new InputError(`${where}: the certificate cannot be parsed: ${(err as Error).message}`);
  }
  let key;
  try {
    key = createPrivateKey(keyPem);
  } catch (err) {
    // Node's message names the format problem, never the key material.
    throw new InputError(`${where}: the private key cannot be read: ${(err as Error).message}`);
  }
  // Client assertions are RS256/PS256 JWTs (msal-node); Entra ID takes RSA certificate credentials.
  if (key.asymmetricKeyType !== "rsa") {
    throw new InputError(`${where}: the private key is ${key.asymmetricKeyType ?? "of an unknown type"}; an app certificate credential needs an RSA key`);
  }
  if (!cert.checkPrivateKey(key)) throw new InputError(`${where}: the private key does not belong to the certificate`);
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() < now.getTime()) {
    throw new InputError(`${where}: the certificate expired on ${notAfter.toISOString()}; upload a new one to the app registration`);
  }
  return {
    thumbprintSha256: cert.fingerprint256.replace(/:/g, "").toUpperCase(),
    privateKey: key.export({ type: "pkcs8", format: "pem" }).toString(),
    subject: cert.subject,
    notAfter,
  };
}
