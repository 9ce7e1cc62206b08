// The test world's SMTP servers (node serve.js DIR): one per address of cases.ts on port 25, with
// the certificates certs.js wrote to DIR. Writes DIR/../run/smtp/smtp.pid once every server
// listens; stop.sh ends it by that pidfile (SIGTERM).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type RunningSmtpServer, startSmtpServer } from "../../../src/sandbox/smtp/server.js";
import { worldMx } from "./cases.js";

const dir = resolve(process.argv[2] ?? "");
const pidDir = join(dir, "..", "run", "smtp");
const read = (stem: string, part: string) => readFileSync(join(dir, `${stem}.${part}.pem`), "utf8");

const servers: RunningSmtpServer[] = [];
for (const mx of worldMx.filter((m) => m.address !== null)) {
  const tls = mx.cert ? { chainPem: read(mx.cert, "chain"), keyPem: read(mx.cert, "key") } : {};
  servers.push(await startSmtpServer({ hostname: mx.host, mode: mx.mode, host: mx.address!, port: 25, ...tls }));
  console.log(`smtp ${mx.address}:25  ${mx.host}  ${mx.mode}${mx.cert ? `  cert ${mx.cert}` : ""}`);
}
mkdirSync(pidDir, { recursive: true });
writeFileSync(join(pidDir, "smtp.pid"), `${process.pid}\n`);
process.on("SIGTERM", () => {
  void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0));
});
