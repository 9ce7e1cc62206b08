// The trust store of every HTTPS client we make (DoH, Graph, Exchange): the system's roots plus the
// user's --ca-file certificates — added to, never switched off. Built once as a SecureContext:
// handing undici a `ca` list makes OpenSSL parse ~150 roots again for every connection.
import { createSecureContext, rootCertificates, type SecureContext } from "node:tls";

export function trustContext(extraCa: string[]): SecureContext {
  return createSecureContext({ ca: [...rootCertificates, ...extraCa] });
}
