// Issues the test world's certificates with the test PKI (node certs.js DIR [HTTPS_DIR]): into DIR
// ca.pem (the root, for --ca-file), intermediate.pem, and per SMTP certificate
// <stem>.{cert,chain,key}.pem; into HTTPS_DIR, from the same CA, the MTA-STS policy sites'
// certificates (../https/cases.ts). Run by prepare.sh on every start: nothing secret is ever committed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTestCa } from "../../../src/sandbox/pki.js";
import { ELSEWHERE, certStem, stsHost, worldSites } from "../https/cases.js";
import { worldCerts } from "./cases.js";

const DAY = 86_400_000;
const dir = process.argv[2];
const httpsDir = process.argv[3];
if (!dir) throw new Error("usage: node certs.js DIR [HTTPS_DIR]");
mkdirSync(dir, { recursive: true });
const ca = await createTestCa("exo-posture test world SMTP CA");
writeFileSync(join(dir, "ca.pem"), ca.certPem);
writeFileSync(join(dir, "intermediate.pem"), ca.intermediateCertPem);
const now = Date.now();
for (const c of worldCerts) {
  const issued =
    c.kind === "self-signed"
      ? await ca.selfSigned({ names: c.names })
      : await ca.issue({ names: c.names, ...(c.kind === "expired" ? { notBefore: new Date(now - 90 * DAY), notAfter: new Date(now - 30 * DAY) } : {}) });
  writeFileSync(join(dir, `${c.stem}.cert.pem`), issued.certPem);
  writeFileSync(join(dir, `${c.stem}.chain.pem`), issued.chainPem);
  writeFileSync(join(dir, `${c.stem}.key.pem`), issued.keyPem, { mode: 0o600 });
}
console.log(`certs.js: wrote ${worldCerts.length} certificates and the CA to ${dir}`);
if (httpsDir) {
  mkdirSync(httpsDir, { recursive: true });
  for (const s of worldSites) {
    const issued = await ca.issue({ names: [s.cert === "good" ? stsHost(s.label) : ELSEWHERE] });
    writeFileSync(join(httpsDir, `${certStem(s.label)}.chain.pem`), issued.chainPem);
    writeFileSync(join(httpsDir, `${certStem(s.label)}.key.pem`), issued.keyPem, { mode: 0o600 });
  }
  console.log(`certs.js: wrote ${worldSites.length} MTA-STS site certificates to ${httpsDir}`);
}
