// The test world's MTA-STS policy servers (node serve.js DIR): every site of cases.ts on
// HTTPS_ADDRESS:443, one process, the certificate chosen by SNI and the site by Host, with the
// certificates smtp/certs.ts wrote to DIR. Writes DIR/../run/https/https.pid once it listens;
// stop.sh ends it by that pidfile (SIGTERM).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Site, startHttpsServer } from "../../../src/sandbox/https/server.js";
import { HTTPS_ADDRESS, POLICY_PATH, certStem, stsHost, worldSites } from "./cases.js";

const dir = resolve(process.argv[2] ?? "");
const pidDir = join(dir, "..", "run", "https");
const read = (stem: string, part: string) => readFileSync(join(dir, `${stem}.${part}.pem`), "utf8");

const sites: Site[] = worldSites.map((s) => {
  // No response: the site exists and the policy path is a 404.
  const paths: Site["paths"] = s.response ? { [POLICY_PATH]: s.response } : {};
  return { host: stsHost(s.label), keyPem: read(certStem(s.label), "key"), certPem: read(certStem(s.label), "chain"), paths };
});
const server = await startHttpsServer({ sites, host: HTTPS_ADDRESS, port: 443 });
for (const s of worldSites) console.log(`https ${HTTPS_ADDRESS}:443  ${stsHost(s.label)}  ${s.about}`);
mkdirSync(pidDir, { recursive: true });
writeFileSync(join(pidDir, "https.pid"), `${process.pid}\n`);
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
