// DKIM key records (RFC 6376 §3.6.1) read with node:crypto: type and size, revoked keys, and every
// way a record can fail to be a key, each with its reason.
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { describe, it } from "node:test";
import { parseDkimKey } from "../../src/probe/dkim/key-record.js";

const rsa = (bits: number, type: "spki" | "pkcs1" = "spki") =>
  generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ format: "der", type }).toString("base64");
const ed25519Raw = generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("base64");
const ecSpki = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "der", type: "spki" }).toString("base64");
const rsa2048 = rsa(2048);
const rsa1024 = rsa(1024);

interface Case {
  name: string;
  raw: string;
  valid: boolean;
  revoked?: boolean;
  key?: [string, number, string] | null;
  problem?: RegExp;
  warning?: RegExp;
}

const cases: Case[] = [
  { name: "2048-bit RSA", raw: `v=DKIM1; k=rsa; p=${rsa2048}`, valid: true, key: ["rsa", 2048, "spki"] },
  { name: "k defaults to rsa, v is optional", raw: `p=${rsa1024}`, valid: true, key: ["rsa", 1024, "spki"] },
  { name: "512-bit RSA still reads (the rule judges its size)", raw: `v=DKIM1; p=${rsa(512)}`, valid: true, key: ["rsa", 512, "spki"] },
  { name: "a bare RSAPublicKey reads, with a warning", raw: `v=DKIM1; p=${rsa(1024, "pkcs1")}`, valid: true, key: ["rsa", 1024, "pkcs1"], warning: /bare RSAPublicKey/ },
  { name: "white space inside p= (FWS) is allowed", raw: `v=DKIM1; p=${rsa2048.slice(0, 100)} ${rsa2048.slice(100, 200)}\t${rsa2048.slice(200)}`, valid: true, key: ["rsa", 2048, "spki"] },
  { name: "Ed25519 (RFC 8463)", raw: `v=DKIM1; k=ed25519; p=${ed25519Raw}`, valid: true, key: ["ed25519", 256, "raw"] },
  { name: "an empty p= is a revoked key", raw: "v=DKIM1; p=", valid: false, revoked: true, key: null },
  { name: "a revoked key may have white space", raw: "v=DKIM1; k=rsa; p= ", valid: false, revoked: true, key: null },
  { name: "p= that is not base64", raw: "v=DKIM1; k=rsa; p=!!this-is-not-base64!!", valid: false, key: null, problem: /not valid base64/ },
  { name: "p= of the wrong length for base64", raw: "v=DKIM1; p=abcde", valid: false, key: null, problem: /not valid base64/ },
  { name: "p= that is base64 but not a key", raw: `v=DKIM1; p=${Buffer.from("hello, I am not a public key").toString("base64")}`, valid: false, key: null, problem: /base64 but not an RSA public key/ },
  { name: "an EC key under k=rsa", raw: `v=DKIM1; k=rsa; p=${ecSpki}`, valid: false, key: null, problem: /holds a key of type ec, but the record says k=rsa/ },
  { name: "an RSA key under k=ed25519", raw: `v=DKIM1; k=ed25519; p=${rsa1024}`, valid: false, key: null, problem: /an Ed25519 key is the 32-byte public key/ },
  { name: "an unknown key type", raw: `v=DKIM1; k=dsa; p=${rsa1024}`, valid: false, key: null, problem: /k=dsa is not a key type/ },
  { name: "no p tag at all", raw: "v=spf1 -all", valid: false, key: null, problem: /p tag \(the public key\) is missing/ },
  { name: "a duplicate tag", raw: `v=DKIM1; p=${rsa1024}; p=`, valid: false, problem: /appears more than once/ },
  { name: "v not first", raw: `k=rsa; v=DKIM1; p=${rsa1024}`, valid: false, problem: /v= must be the first tag/ },
  { name: "another version", raw: `v=DKIM2; p=${rsa1024}`, valid: false, problem: /v=DKIM2/ },
  { name: "h=sha1 only (RFC 8301 §3.1)", raw: `v=DKIM1; h=sha1; p=${rsa1024}`, valid: false, problem: /does not allow sha256/ },
  { name: "h=sha1:sha256 is fine", raw: `v=DKIM1; h=sha1:sha256; p=${rsa1024}`, valid: true },
  { name: "a key not for email", raw: `v=DKIM1; s=web; p=${rsa1024}`, valid: false, problem: /not for email/ },
  { name: "t=y warns", raw: `v=DKIM1; t=y; p=${rsa1024}`, valid: true, warning: /testing DKIM/ },
  { name: "tag names are case-sensitive (RFC 6376 §3.2): P= is not p=", raw: `v=DKIM1; P=${rsa1024}`, valid: false, problem: /p tag \(the public key\) is missing/ },
  { name: "non-ASCII bytes", raw: `v=DKIM1; n=caf\u00e9; p=${rsa1024}`, valid: false, problem: /outside printable ASCII/ },
];

describe("parseDkimKey", () => {
  for (const c of cases) {
    it(c.name, () => {
      const k = parseDkimKey(c.raw);
      assert.equal(k.valid, c.valid, `problems: ${k.problems.join(" | ")}`);
      if (c.revoked !== undefined) assert.equal(k.revoked, c.revoked);
      if (c.key !== undefined) assert.deepEqual(k.publicKey && [k.publicKey.type, k.publicKey.bits, k.publicKey.encoding], c.key);
      if (c.problem) assert.ok(k.problems.some((p) => c.problem!.test(p)), `no problem matches ${c.problem}: ${k.problems.join(" | ")}`);
      if (c.warning) assert.ok(k.warnings.some((w) => c.warning!.test(w)), `no warning matches ${c.warning}: ${k.warnings.join(" | ")}`);
    });
  }

  it("reads a 64 KiB garbage p= without hanging", () => {
    const started = performance.now();
    const k = parseDkimKey(`v=DKIM1; p=${"A".repeat(65532)}`);
    assert.equal(k.valid, false);
    assert.ok(performance.now() - started < 1000);
  });
});
