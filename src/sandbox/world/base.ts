// The first sample domains: public-sector-like postures a demo reader recognises at once.
// Names end in .example (RFC 2606), so nothing in the demo can be mistaken for a real domain.
import { type Zone, zone } from "../dns/zone.js";

export const baseDomains = [
  "good-council.example",
  "monitoring-trust.example",
  "parked-borough.example",
  "gateway-county.example",
];

export function baseZones(): Zone[] {
  return [
    // Well configured: Exchange Online MX, SPF ending -all, DMARC reject with reports to itself.
    zone("good-council.example", "secure", [
      "@ MX 0 good-council-example.mail.protection.outlook.com.",
      '@ TXT "v=spf1 include:spf.protection.outlook.com -all"',
      '_dmarc TXT "v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc-reports@good-council.example"',
    ]),
    // Monitoring only: DMARC p=none, SPF soft-fail.
    zone("monitoring-trust.example", "insecure", [
      "@ MX 10 monitoring-trust-example.mail.protection.outlook.com.",
      '@ TXT "v=spf1 include:spf.protection.outlook.com ~all"',
      '_dmarc TXT "v=DMARC1; p=none; rua=mailto:dmarc@monitoring-trust.example"',
    ]),
    // Parked and not locked down: no MX, no SPF, no DMARC.
    zone("parked-borough.example", "insecure", ["www A 192.0.2.10"]),
    // MX on a third-party gateway in front of Exchange Online.
    zone("gateway-county.example", "secure", [
      "@ MX 10 eu-smtp-inbound-1.mimecast.com.",
      "@ MX 10 eu-smtp-inbound-2.mimecast.com.",
      '@ TXT "v=spf1 include:eu._netblocks.mimecast.com include:spf.protection.outlook.com -all"',
      // Reports still go to NCSC Mail Check, retired on 31 March 2026: dmarc.reporting warns.
      '_dmarc TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc-rua@dmarc.service.gov.uk"',
    ]),
    // The outside world the sample domains point at.
    zone("outlook.com", "insecure", [
      // MX addresses are loopback: an SMTP probe run against the sandbox DNS alone (no sandbox
      // SMTP routing) gets a refused connection, and never sends a packet off the machine.
      "good-council-example.mail.protection A 127.0.0.41",
      "monitoring-trust-example.mail.protection A 127.0.0.42",
      'spf.protection TXT "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/15 ip4:52.102.0.0/16 ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 ip6:2a01:111:f403::/49 -all"',
    ]),
    zone("mimecast.com", "insecure", [
      "eu-smtp-inbound-1 A 127.0.0.51",
      "eu-smtp-inbound-2 A 127.0.0.52",
      'eu._netblocks TXT "v=spf1 ip4:195.130.217.0/24 ip4:91.220.42.0/24 -all"',
    ]),
  ];
}
