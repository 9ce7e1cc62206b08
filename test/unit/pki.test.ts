// The test PKI makes certificates that real TLS accepts or rejects for the right reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import * as tls from "node:tls";
import type { AddressInfo } from "node:net";
import { createTestCa, type IssuedCert } from "../../src/sandbox/pki.js";

const DAY = 86_400_000;

/** A TLS handshake over loopback, with full verification against `ca`; resolves to the error code or "ok". */
async function handshake(cert: IssuedCert, ca: string, servername: string): Promise<string> {
  const server = tls.createServer({ cert: cert.chainPem, key: cert.keyPem }, (s) => s.end());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve) => {
      const socket = tls.connect({ host: "127.0.0.1", port, servername, ca: [ca] }, () => {
        socket.destroy();
        resolve("ok");
      });
      socket.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
  } finally {
    server.close();
  }
}

test("test PKI", async (t) => {
  const ca = await createTestCa("pki test");
  const other = await createTestCa("other");
  const now = Date.now();
  const cases: { name: string; cert: () => Promise<IssuedCert>; servername: string; ca?: string; expect: string }[] = [
    { name: "EC leaf from the CA", cert: () => ca.issue({ names: ["mx.good.test"] }), servername: "mx.good.test", expect: "ok" },
    { name: "RSA leaf", cert: () => ca.issue({ names: ["mx.good.test"], keyType: "rsa" }), servername: "mx.good.test", expect: "ok" },
    { name: "second SAN", cert: () => ca.issue({ names: ["a.test", "mx.good.test"] }), servername: "mx.good.test", expect: "ok" },
    { name: "wrong name", cert: () => ca.issue({ names: ["other.test"] }), servername: "mx.good.test", expect: "ERR_TLS_CERT_ALTNAME_INVALID" },
    {
      name: "expired",
      cert: () => ca.issue({ names: ["mx.good.test"], notBefore: new Date(now - 60 * DAY), notAfter: new Date(now - 30 * DAY) }),
      servername: "mx.good.test",
      expect: "CERT_HAS_EXPIRED",
    },
    { name: "self-signed", cert: () => ca.selfSigned({ names: ["mx.good.test"] }), servername: "mx.good.test", expect: "DEPTH_ZERO_SELF_SIGNED_CERT" },
    {
      name: "untrusted CA",
      cert: () => ca.issue({ names: ["mx.good.test"] }),
      servername: "mx.good.test",
      ca: other.certPem,
      expect: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      assert.equal(await handshake(await c.cert(), c.ca ?? ca.certPem, c.servername), c.expect);
    });
  }

  await t.test("chain is leaf then intermediate, and the root is a CA", async () => {
    const issued = await ca.issue({ names: ["mx.good.test"] });
    const pems = issued.chainPem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
    assert.equal(pems.length, 2);
    const [leaf, inter] = pems.map((p) => new X509Certificate(p));
    const root = new X509Certificate(ca.certPem);
    assert.ok(leaf && inter);
    assert.equal(leaf.subject, "CN=mx.good.test");
    assert.ok(leaf.checkIssued(inter));
    assert.ok(inter.checkIssued(root));
    assert.equal(inter.toString(), new X509Certificate(ca.intermediateCertPem).toString());
    assert.equal(root.ca, true);
    assert.equal(leaf.ca, false);
    assert.match(ca.keyPem, /^-----BEGIN PRIVATE KEY-----/);
  });
});
