// The DNS of the sample tenant "Contoso County Council" (src/sandbox/tenants/contoso.ts): what the
// probes find when a run collects that tenant and then probes its accepted domains.
import { generateKeyPairSync } from "node:crypto";
import { type Zone, zone } from "../dns/zone.js";

/** A DKIM key record for Exchange Online's signing of contoso-county.example (made at start-up). */
function exoDkimRecord(): string {
  const p = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "der", type: "spki" }).toString("base64");
  const value = `v=DKIM1; k=rsa; p=${p}`;
  // RFC 1035 §3.3: character-strings of at most 255 octets.
  return (value.match(/.{1,255}/g) ?? []).map((part) => `"${part}"`).join(" ");
}

export function tenantZones(): Zone[] {
  return [
    // MX on Mimecast; the tenant's inbound connector from Mimecast has Enhanced Filtering off. Its
    // DMARC record still carries pct=50 from a staged roll-out: historic since RFC 9989 (Appendix A.6).
    zone("contoso-county.example", "secure", [
      "@ MX 10 eu-smtp-inbound-1.mimecast.com.",
      "@ MX 10 eu-smtp-inbound-2.mimecast.com.",
      // The council's scanner relay sends too; its PTR record names it back (forward-confirmed).
      '@ TXT "v=spf1 a:relay.contoso-county.example include:eu._netblocks.mimecast.com include:spf.protection.outlook.com -all"',
      "relay A 192.0.2.25",
      '_dmarc TXT "v=DMARC1; p=quarantine; pct=50; rua=mailto:dmarc-reports@contoso-county.example"',
      "selector1._domainkey CNAME selector1-contoso-county-example._domainkey.contosocounty.n-v1.dkim.mail.microsoft.",
      "selector2._domainkey CNAME selector2-contoso-county-example._domainkey.contosocounty.n-v1.dkim.mail.microsoft.",
    ]),
    // On Exchange Online with inbound SMTP DANE: the MX is the DNSSEC-signed *.mx.microsoft host.
    zone("contoso-libraries.example", "secure", [
      "@ MX 0 contoso-libraries-example.r-v1.mx.microsoft.",
      // The catalogue kiosk's mail server, on a broadband line: its PTR is the ISP's generic name,
      // which resolves nowhere (no forward confirmation).
      '@ TXT "v=spf1 ip4:198.51.100.77 include:spf.protection.outlook.com -all"',
      '_dmarc TXT "v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc-reports@contoso-libraries.example"',
    ]),
    // Reverse DNS (RFC 1035 §3.5) of the addresses the councils' SPF records authorise.
    zone("2.0.192.in-addr.arpa", "insecure", ["25 PTR relay.contoso-county.example."]),
    zone("100.51.198.in-addr.arpa", "insecure", ["77 PTR host-198-51-100-77.broadband.isp.example."]),
    // Parked and not locked down: no MX, no SPF, no DMARC.
    zone("contoso-heritage.example", "insecure", ["www A 127.0.9.81"]),
    zone("mx.microsoft", "secure", ["contoso-libraries-example.r-v1 A 127.0.9.28"]),
    // The tenant's initial (MOERA) domain, as Microsoft publishes it.
    zone("onmicrosoft.com", "insecure", [
      "contosocounty MX 0 contosocounty.mail.protection.outlook.com.",
      'contosocounty TXT "v=spf1 include:spf.protection.outlook.com -all"',
    ]),
    zone("outlook.com", "insecure", ["contosocounty.mail.protection.outlook.com A 127.0.9.29"]),
    // Where Exchange Online publishes the keys behind the tenant's selector CNAMEs.
    zone("dkim.mail.microsoft", "insecure", [
      `selector1-contoso-county-example._domainkey.contosocounty.n-v1 TXT ${exoDkimRecord()}`,
      `selector2-contoso-county-example._domainkey.contosocounty.n-v1 TXT ${exoDkimRecord()}`,
    ]),
  ];
}
