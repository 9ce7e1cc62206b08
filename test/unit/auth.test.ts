// Sign-in inputs, checked before any network traffic: the certificate file, the tenant id, which
// credential the options and environment select, and how Entra ID's refusals are sorted.
import assert from "node:assert/strict";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { before, describe, it } from "node:test";
import { AuthError, TokenError } from "../../src/auth/errors.js";
import { authErrorOf } from "../../src/auth/errors.js";
import { checkTenantId, parseClientCertificate, readClientCertificate } from "../../src/auth/index.js";
import { signInOf } from "../../src/collect/index.js";
import { InputError } from "../../src/input/errors.js";
import { createTestCa, type IssuedCert } from "../../src/sandbox/pki.js";
import { tempDir } from "../helpers/tmp.js";

const DAY = 86_400_000;
let rsa: IssuedCert;
let rsa2: IssuedCert;
let ec: IssuedCert;
let expired: IssuedCert;
before(async () => {
  const ca = await createTestCa("auth test");
  [rsa, rsa2, ec, expired] = await Promise.all([
    ca.issue({ names: ["app.test"], keyType: "rsa" }),
    ca.issue({ names: ["other.test"], keyType: "rsa" }),
    ca.issue({ names: ["app.test"], keyType: "ec" }),
    ca.issue({ names: ["app.test"], keyType: "rsa", notBefore: new Date(Date.now() - 60 * DAY), notAfter: new Date(Date.now() - DAY) }),
  ]);
});

describe("the certificate file", () => {
  it("yields the SHA-256 thumbprint msal-node wants and a PKCS#8 key", () => {
    const c = parseClientCertificate(rsa.certPem + rsa.keyPem, "app.pem");
    assert.equal(c.thumbprintSha256, new X509Certificate(rsa.certPem).fingerprint256.replace(/:/g, ""));
    assert.match(c.thumbprintSha256, /^[0-9A-F]{64}$/);
    assert.match(c.privateKey, /^-----BEGIN PRIVATE KEY-----/);
  });
  it("takes the key before the certificate, and a PKCS#1 RSA key", () => {
    const pkcs1 = createPrivateKey(rsa.keyPem).export({ type: "pkcs1", format: "pem" }).toString();
    assert.equal(parseClientCertificate(pkcs1 + rsa.certPem, "app.pem").thumbprintSha256.length, 64);
  });
  const bad: [string, () => string, RegExp][] = [
    ["no certificate", () => rsa.keyPem, /holds no PEM certificate/],
    ["no key", () => rsa.certPem, /holds no private key/],
    ["an encrypted key", () => rsa.certPem + createPrivateKey(rsa.keyPem).export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pw" }), /encrypted/],
    ["an EC key", () => ec.certPem + ec.keyPem, /needs an RSA key/],
    ["a key of another certificate", () => rsa.certPem + rsa2.keyPem, /does not belong to the certificate/],
    ["an expired certificate", () => expired.certPem + expired.keyPem, /expired on/],
    ["garbage between the markers", () => "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" + rsa.keyPem, /cannot be parsed/],
  ];
  for (const [name, pem, message] of bad) {
    it(`refuses ${name} in one line, without the key in the message`, () => {
      assert.throws(
        () => parseClientCertificate(pem(), "app.pem"),
        (e) => e instanceof InputError && message.test(e.message) && !e.message.includes("\n") && !e.message.includes(rsa.keyPem.slice(40, 80)),
      );
    });
  }
  it("says a missing or unreadable file is unreadable", async () => {
    const dir = tempDir();
    await assert.rejects(readClientCertificate(`${dir}/nope.pem`), (e) => e instanceof InputError && /cannot read the certificate file .*nope\.pem: no such file \(ENOENT\)/.test(e.message));
    await assert.rejects(readClientCertificate(dir), (e) => e instanceof InputError && /EISDIR/.test(e.message));
  });
});

describe("--tenant", () => {
  const cases: [string, boolean][] = [
    ["8f3c2a61-5d4e-4b7a-9c1f-2e6d0a9b7c35", true],
    ["contoso.onmicrosoft.com", true],
    ["Contoso-County.Example", true],
    ["common", false],
    ["organizations", false],
    ["8f3c2a61-5d4e", false],
    ["not a tenant", false],
    ["https://login.microsoftonline.com/x", false],
  ];
  for (const [tenant, ok] of cases) {
    it(`${tenant} → ${ok ? "accepted" : "refused"}`, () => {
      if (ok) checkTenantId(tenant);
      else assert.throws(() => checkTenantId(tenant), InputError);
    });
  }
});

describe("which sign-in", () => {
  const T = "8f3c2a61-5d4e-4b7a-9c1f-2e6d0a9b7c35";
  const C = "1d7e4c2a-0b6f-4a39-8e51-7c2d9f0a4b11";
  const cases: [string, Parameters<typeof signInOf>[0], Record<string, string>, string | RegExp][] = [
    ["--certificate", { tenantId: T, clientId: C, certificate: "a.pem" }, {}, "certificate"],
    ["--device-code", { tenantId: T, clientId: C, deviceCode: true }, { AZURE_CLIENT_SECRET: "s" }, "device-code"],
    ["AZURE_CLIENT_SECRET", {}, { AZURE_TENANT_ID: T, AZURE_CLIENT_ID: C, AZURE_CLIENT_SECRET: "s" }, "secret"],
    ["AZURE_CLIENT_CERTIFICATE_PATH", {}, { AZURE_TENANT_ID: T, AZURE_CLIENT_ID: C, AZURE_CLIENT_CERTIFICATE_PATH: "a.pem" }, "certificate"],
    ["the flag over the environment", { certificate: "flag.pem" }, { AZURE_TENANT_ID: T, AZURE_CLIENT_ID: C, AZURE_CLIENT_SECRET: "s" }, "certificate"],
    ["no tenant", { clientId: C, certificate: "a.pem" }, {}, /no tenant/],
    ["no app", { tenantId: T, certificate: "a.pem" }, {}, /no app/],
    ["no credential", { tenantId: T, clientId: C }, {}, /no credential/],
    ["a device code and a certificate", { tenantId: T, clientId: C, deviceCode: true, certificate: "a.pem" }, {}, /not both/],
    ["tenant 'common'", { tenantId: "common", clientId: C, certificate: "a.pem" }, {}, /names no tenant/],
  ];
  for (const [name, opts, env, expect] of cases) {
    it(name, () => {
      if (typeof expect === "string") assert.equal(signInOf(opts, env).kind, expect);
      else assert.throws(() => signInOf(opts, env), (e) => e instanceof InputError && expect.test(e.message));
    });
  }
  it("keeps the secret out of everything but the sign-in", () => {
    const s = signInOf({}, { AZURE_TENANT_ID: T, AZURE_CLIENT_ID: C, AZURE_CLIENT_SECRET: "p@ss" });
    assert.equal(s.kind === "secret" && s.secret, "p@ss");
  });
});

describe("Entra ID's refusals", () => {
  const cases: [string, { errorCode?: string; errorMessage?: string; message?: string }, string][] = [
    ["unknown tenant", { errorCode: "invalid_request", errorMessage: "AADSTS90002: Tenant 'x' not found.\r\nTrace ID: 1" }, "AUTH_TENANT_NOT_FOUND"],
    ["unknown app", { errorCode: "unauthorized_client", errorMessage: "AADSTS700016: Application with identifier 'x' was not found" }, "AUTH_CLIENT_NOT_FOUND"],
    ["bad secret", { errorCode: "invalid_client", errorMessage: "AADSTS7000215: Invalid client secret provided." }, "AUTH_INVALID_CREDENTIAL"],
    ["unregistered certificate", { errorCode: "invalid_client", errorMessage: "AADSTS700027: Client assertion failed signature validation." }, "AUTH_INVALID_CREDENTIAL"],
    ["no sign-in server", { errorCode: "network_error", errorMessage: "fetch failed" }, "AUTH_UNREACHABLE"],
    ["one resource not consented", { errorCode: "invalid_grant", errorMessage: "AADSTS65001: The user or administrator has not consented" }, "AUTH_FAILED"],
    ["resource not in tenant", { errorCode: "invalid_resource", errorMessage: "AADSTS500011: The resource principal named x was not found" }, "AUTH_FAILED"],
  ];
  for (const [name, err, code] of cases) {
    it(`${name} → ${code}`, () => {
      const e = authErrorOf(err, "https://outlook.office365.com");
      assert.equal(e.code, code);
      assert.equal(e instanceof AuthError, code !== "AUTH_FAILED", "only whole-sign-in failures end the run");
      assert.equal(e instanceof TokenError, code === "AUTH_FAILED");
      assert.doesNotMatch(e.message, /Trace ID|\n/);
    });
  }
});
