// DNS for the inbound-path scenarios: a council behind Mimecast (whose sample egress the base world
// publishes at eu._netblocks.mimecast.com), one whose MX moved back to Exchange Online, and one whose
// MX is an on-premises host the gateway catalogue does not know.
import { type Zone, zone } from "../../dns/zone.js";

export const mailPathDomains = ["path-county.example", "path-moved.example", "path-onprem.example"];

export function mailPathZones(): Zone[] {
  return [
    zone("path-county.example", "insecure", [
      "@ MX 10 eu-smtp-inbound-1.mimecast.com.",
      "@ MX 20 eu-smtp-inbound-2.mimecast.com.",
      '@ TXT "v=spf1 include:eu._netblocks.mimecast.com include:spf.protection.outlook.com -all"',
      '_dmarc TXT "v=DMARC1; p=reject"',
    ]),
    zone("path-moved.example", "insecure", [
      "@ MX 0 path-moved-example.mail.protection.outlook.com.",
      '@ TXT "v=spf1 include:spf.protection.outlook.com -all"',
      '_dmarc TXT "v=DMARC1; p=reject"',
    ]),
    zone("path-onprem.example", "insecure", ["@ MX 10 mail.path-onprem.example.", "mail A 127.0.9.77", '@ TXT "v=spf1 mx -all"']),
    // On Proofpoint Essentials (ppe-hosted.com), a different service from Proofpoint on Demand
    // (pphosted.com), with its own addresses and certificate. Not in mailPathDomains: only the case
    // that is about it accepts it.
    zone("path-essentials.example", "insecure", [
      "@ MX 10 mx1-eu1.ppe-hosted.com.",
      "@ MX 20 mx2-eu1.ppe-hosted.com.",
      '@ TXT "v=spf1 include:spf.protection.outlook.com -all"',
      '_dmarc TXT "v=DMARC1; p=reject"',
    ]),
  ];
}
