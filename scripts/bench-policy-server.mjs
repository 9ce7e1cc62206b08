// The benchmark's MTA-STS policy host: one HTTPS server on loopback answering for every
// mta-sts.<domain> of the world, with a certificate for the name the client asks for (SNI, made
// once per name by the test CA) and the same policy at /.well-known/mta-sts.txt (RFC 8461 §3.2).
// The certificates and TLS contexts of `names` are made before the server listens: a real policy
// host has its certificate before anyone asks, and making 5,000 of them during the run took a
// third of the machine's CPU away from the run being measured.
import { createServer } from "node:https";
import { createSecureContext } from "node:tls";

export async function startPolicyServer({ certFor, body, names = [] }) {
  const contexts = new Map();
  const contextOf = (servername) => certFor(servername).then((c) => createSecureContext({ key: c.keyPem, cert: c.chainPem }));
  for (let i = 0; i < names.length; i += 64) {
    await Promise.all(names.slice(i, i + 64).map(async (name) => contexts.set(name, Promise.resolve(await contextOf(name)))));
  }
  const first = await certFor("mta-sts.bench.example");
  const server = createServer(
    {
      key: first.keyPem,
      cert: first.chainPem,
      SNICallback: (servername, cb) => {
        if (!contexts.has(servername)) contexts.set(servername, contextOf(servername));
        contexts.get(servername).then((ctx) => cb(null, ctx), (err) => cb(err));
      },
    },
    (req, res) => {
      if ((req.url ?? "").split("?")[0] !== "/.well-known/mta-sts.txt") {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
        return;
      }
      res.writeHead(200, { "content-type": "text/plain", "content-length": String(Buffer.byteLength(body)) }).end(body);
    },
  );
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    port: server.address().port,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
