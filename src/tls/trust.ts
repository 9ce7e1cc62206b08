// The trust store of every TLS client we make (DoH, Graph, Exchange, MTA-STS policy fetches, SMTP
// WebPKI checks): the system's roots plus the user's --ca-file certificates — added to, never
// switched off. Built once per trust list as a SecureContext: handing Node a `ca` list makes
// OpenSSL parse ~150 roots again for every connection.
import { createSecureContext, rootCertificates, type SecureContext } from "node:tls";

const contexts = new WeakMap<string[], SecureContext>();

export function trustContext(extraCa: string[]): SecureContext {
  let context = contexts.get(extraCa);
  if (!context) {
    // Node's `ca` replaces the default roots, so the system's are listed too.
    context = createSecureContext({ ca: [...rootCertificates, ...extraCa] });
    contexts.set(extraCa, context);
  }
  return context;
}
