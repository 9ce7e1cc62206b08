// Sample domains for the SPF rules, each showing one verdict: a record that needs too many lookups,
// one that authorises the whole internet, one with ptr, one that reaches Exchange Online through a
// redirect, an include loop, three void lookups, and a record too long for a UDP answer.
// Names end in .example (RFC 2606); each domain has an Exchange Online MX, so its role is sending.
import { type Zone, zone } from "../dns/zone.js";

export const spfDomains = [
  "spf-lookups.example",
  "spf-plusall.example",
  "spf-ptr.example",
  "spf-redirect.example",
  "spf-loop.example",
  "spf-void.example",
  "spf-long.example",
];

/** DMARC at reject, reports to the domain itself. */
const dmarc = (domain: string) => `_dmarc TXT "v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc-reports@${domain}"`;
const mx = (domain: string) => `@ MX 0 ${domain.replace(/\./g, "-")}.mail.protection.outlook.com.`;

/** TXT rdata in zone-file form, split into character-strings of at most 255 octets (RFC 1035 §3.3). */
function txt(value: string): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += 255) parts.push(`"${value.slice(i, i + 255)}"`);
  return parts.join(" ");
}

/** 60 ip4 networks: a record of about 1,300 octets, a common way records outgrow UDP. */
const LONG_RECORD = `v=spf1 ${Array.from({ length: 60 }, (_, i) => `ip4:198.51.100.${i * 4}/30`).join(" ")} include:spf.protection.outlook.com -all`;

export function spfZones(): Zone[] {
  return [
    // 3 vendor includes (each an a, two mx and a nested include) and EXO's: 4 + 3 × 4 = 16 lookups.
    zone("spf-lookups.example", "insecure", [
      mx("spf-lookups.example"),
      '@ TXT "v=spf1 include:crm.spf-vendors.example include:news.spf-vendors.example include:hr.spf-vendors.example include:spf.protection.outlook.com -all"',
      dmarc("spf-lookups.example"),
    ]),
    // +all: every host on the internet may send as this domain.
    zone("spf-plusall.example", "insecure", [mx("spf-plusall.example"), '@ TXT "v=spf1 include:spf.protection.outlook.com +all"', dmarc("spf-plusall.example")]),
    // ptr (RFC 7208 §5.5: SHOULD NOT be used), and ?all, which fails spf.all-strict.
    zone("spf-ptr.example", "insecure", [mx("spf-ptr.example"), '@ TXT "v=spf1 ptr include:spf.protection.outlook.com ?all"', dmarc("spf-ptr.example")]),
    // Exchange Online through a redirect, whose record ends in ~all: valid, strict enough, EXO included.
    zone("spf-redirect.example", "insecure", [
      mx("spf-redirect.example"),
      '@ TXT "v=spf1 redirect=_spf.spf-redirect.example"',
      '_spf TXT "v=spf1 include:spf.protection.outlook.com ~all"',
      dmarc("spf-redirect.example"),
    ]),
    // An include loop: the domain includes a record that includes the domain.
    zone("spf-loop.example", "insecure", [
      mx("spf-loop.example"),
      '@ TXT "v=spf1 include:_senders.spf-loop.example include:spf.protection.outlook.com -all"',
      '_senders TXT "v=spf1 include:spf-loop.example ~all"',
      dmarc("spf-loop.example"),
    ]),
    // Three names that no longer exist: one more void lookup than RFC 7208 §4.6.4 allows.
    zone("spf-void.example", "insecure", [
      mx("spf-void.example"),
      '@ TXT "v=spf1 a:old-relay.spf-void.example mx:gone.spf-void.example exists:retired.spf-void.example include:spf.protection.outlook.com -all"',
      dmarc("spf-void.example"),
    ]),
    zone("spf-long.example", "insecure", [mx("spf-long.example"), `@ TXT ${txt(LONG_RECORD)}`, dmarc("spf-long.example")]),
    // The vendors the lookups domain includes: each costs an include, an a, two mx and a nested include.
    zone("spf-vendors.example", "insecure", [
      ...["crm", "news", "hr"].flatMap((v) => [
        `${v} TXT "v=spf1 a:smtp.${v}.spf-vendors.example mx:${v}.spf-vendors.example mx:bulk.${v}.spf-vendors.example include:_net.${v}.spf-vendors.example ~all"`,
        `smtp.${v} A 127.0.9.10`,
        `${v} MX 10 smtp.${v}`,
        `bulk.${v} MX 10 smtp.${v}`,
        `_net.${v} TXT "v=spf1 ip4:203.0.113.0/24 -all"`,
      ]),
    ]),
    zone("outlook.com", "insecure", spfDomains.map((d) => `${d.replace(/\./g, "-")}.mail.protection.outlook.com A 127.0.9.27`)),
  ];
}
