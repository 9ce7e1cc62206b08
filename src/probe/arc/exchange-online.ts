// What Exchange Online recorded when it received a sample message: whether Enhanced Filtering for
// Connectors (skip listing) applied, and which address SPF was judged against. Microsoft Learn,
// "Enhanced Filtering for Connectors in Exchange Online", table "before / after Enhanced Filtering is
// enabled":
//   X-MS-Exchange-SkipListedInternetSender      "stamped if skiplisting was successful and enabled on
//                                                the connector … information about the true source
//                                                address … primarily for reporting … WhatIf scenarios"
//   X-MS-Exchange-ExternalOriginalInternetSender "stamped if skiplisting was successful, enabled on the
//                                                connector, and recipient match happens"
// so the second proves Enhanced Filtering applied to this recipient, the first alone that it was
// only reported (EFTestMode, or a recipient outside EFUsers). Their value is "ip=[a.b.c.d];domain=host"
// (as in public captures of received headers). Exchange Online's own Authentication-Results carries
// no authserv-id and says "spf=<result> (sender IP is <address>)".
import type { MessageExchangeOnline } from "../../evidence/message.js";

type Field = { name: string; value: string };

/** "ip=[203.0.113.5];domain=mail.example" → its parts (either may be missing). */
export function parseInternetSender(value: string): { ip: string | null; domain: string | null } {
  const ip = /ip\s*=\s*\[([^\]]*)\]/i.exec(value)?.[1]?.trim() || null;
  const domain = /domain\s*=\s*([^;\s]+)/i.exec(value)?.[1]?.trim() || null;
  return { ip, domain };
}

export function exchangeOnlineOf(fields: Field[]): MessageExchangeOnline {
  const value = (name: string) => fields.find((f) => f.name === name)?.value ?? null;
  // Exchange Online's Authentication-Results is the topmost one that names the sender IP.
  const ar = fields.find((f) => f.name === "authentication-results" && /\(sender IP is [^)]+\)/i.test(f.value))?.value ?? null;
  const received =
    ar !== null || fields.some((f) => f.name.startsWith("x-ms-exchange-") || f.name === "x-forefront-antispam-report" || f.name === "x-microsoft-antispam");
  const skip = value("x-ms-exchange-skiplistedinternetsender");
  const original = value("x-ms-exchange-externaloriginalinternetsender");
  return {
    received,
    skipListedInternetSender: skip === null ? null : { raw: skip, ...parseInternetSender(skip) },
    externalOriginalInternetSender: original === null ? null : { raw: original, ...parseInternetSender(original) },
    spfResult: ar ? (/(?:^|;)\s*spf\s*=\s*([a-z]+)/i.exec(ar)?.[1]?.toLowerCase() ?? null) : null,
    spfSenderIp: ar ? (/\(sender IP is ([^)\s]+)\)/i.exec(ar)?.[1] ?? null) : null,
    authenticationResults: ar,
  };
}
