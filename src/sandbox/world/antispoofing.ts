// Sample domains for DMARC, DKIM and parked-domain checks, each showing a verdict one way or the
// other: Exchange Online DKIM behind CNAMEs, weak, revoked, tiny and garbled keys, an open
// subdomain policy, report destinations with and without authorisation, a locked-down parked
// domain, the tenant's onmicrosoft.com domains, and hostile records. Names end in .example
// (RFC 2606) except the onmicrosoft.com ones, which only the in-process server answers.
//
// The DKIM keys are made with node:crypto the first time the zones are asked for: only public
// keys are published, and no private key is kept or written anywhere.
import { generateKeyPairSync } from "node:crypto";
import { type Zone, zone } from "../dns/zone.js";

export const antispoofingDomains = [
  "signed-council.example",
  "weak-dkim.example",
  "tiny-key.example",
  "hostile-records.example",
  "open-subdomains.example",
  "shop.open-subdomains.example",
  "outside-reports.example",
  "vendor-reports.example",
  "locked-parked.example",
  "exampleshire.onmicrosoft.com",
  "examplecity.onmicrosoft.com",
];

/** DMARC at reject, reports to the domain itself. */
const dmarcReject = (domain: string) => `v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc-reports@${domain}`;
const SEND_VIA_EXO = "v=spf1 include:spf.protection.outlook.com -all";

/** Public keys as DKIM's p= wants them (RFC 6376 §3.6.1; RFC 8463 §4 for Ed25519). */
interface DemoKeys { rsa2048: string; rsa1024: string; rsa512: string; ed25519: string }

let keys: DemoKeys | null = null;
function demoKeys(): DemoKeys {
  const rsa = (modulusLength: number) =>
    generateKeyPairSync("rsa", { modulusLength }).publicKey.export({ format: "der", type: "spki" }).toString("base64");
  // An Ed25519 SubjectPublicKeyInfo ends with the 32 key bytes, which is all DKIM publishes.
  const ed = () => generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("base64");
  keys ??= { rsa2048: rsa(2048), rsa1024: rsa(1024), rsa512: rsa(512), ed25519: ed() };
  return keys;
}

/** TXT rdata in zone-file form, split into character-strings of at most 255 octets (RFC 1035 §3.3). */
function txt(value: string): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += 255) parts.push(`"${value.slice(i, i + 255).replace(/["\\]/g, "\\$&")}"`);
  return parts.join(" ");
}

const rsaKey = (p: string) => txt(`v=DKIM1; k=rsa; p=${p}`);

/** A DMARC record of 200 tags (197 unknown, p twice) with a byte outside ASCII (é, 0xE9). */
function hostileDmarc(): string {
  const unknown = Array.from({ length: 197 }, (_, i) => `x${i + 1}=${i + 1}`).join("; ");
  return txt(`v=DMARC1; p=reject; p=none; sp=r\u00e9ject; ${unknown}`);
}

export function antispoofingZones(): Zone[] {
  const k = demoKeys();
  return [
    // Exchange Online DKIM done right: both selectors are CNAMEs to the tenant's 2048-bit keys.
    // (Sending only: its MX, and the transport checks that go with one, are other files' business.)
    zone("signed-council.example", "secure", [
      `@ TXT "${SEND_VIA_EXO}"`,
      `_dmarc TXT "${dmarcReject("signed-council.example")}"`,
      "selector1._domainkey CNAME selector1-signed-council-example._domainkey.exampleshire.onmicrosoft.com.",
      "selector2._domainkey CNAME selector2-signed-council-example._domainkey.exampleshire.onmicrosoft.com.",
    ]),
    // A 1024-bit key still in use (warns) and the other selector revoked (an empty p=).
    zone("weak-dkim.example", "insecure", [
      `@ TXT "${SEND_VIA_EXO}"`,
      `_dmarc TXT "${dmarcReject("weak-dkim.example")}"`,
      "selector1._domainkey CNAME selector1-weak-dkim-example._domainkey.exampleshire.onmicrosoft.com.",
      'selector2._domainkey TXT "v=DKIM1; k=rsa; p="',
    ]),
    // A 512-bit key: RFC 8301 §3.2 forbids verifiers to accept it.
    zone("tiny-key.example", "insecure", [
      `@ TXT "${SEND_VIA_EXO}"`,
      `_dmarc TXT "${dmarcReject("tiny-key.example")}"`,
      `selector1._domainkey TXT ${rsaKey(k.rsa512)}`,
    ]),
    // Bad input: a 200-tag DMARC record (a duplicate p, a non-ASCII byte), a key that is not
    // base64 and one that is base64 but not a key. Each must give a finding with its reason.
    zone("hostile-records.example", "insecure", [
      `@ TXT "${SEND_VIA_EXO}"`,
      `_dmarc TXT ${hostileDmarc()}`,
      'selector1._domainkey TXT "v=DKIM1; k=rsa; p=!!this-is-not-base64!!"',
      `selector2._domainkey TXT "v=DKIM1; k=rsa; p=${Buffer.from("hello, I am not a public key").toString("base64")}"`,
    ]),
    // p=reject for the domain, sp=none for everything under it, reports to itself only; and a
    // subdomain that sends mail and inherits that sp=none.
    zone("open-subdomains.example", "insecure", [
      `@ TXT "${SEND_VIA_EXO}"`,
      '_dmarc TXT "v=DMARC1; p=reject; sp=none; rua=mailto:dmarc@open-subdomains.example"',
      `shop TXT "${SEND_VIA_EXO}"`,
    ]),
    // Aggregate reports to a processor that never agreed to take them (RFC 9990, Verifying External Destinations).
    zone("outside-reports.example", "insecure", [
      `@ TXT "${SEND_VIA_EXO}"`,
      `_dmarc TXT "v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc-reports@outside-reports.example,mailto:agg@reports-vendor.example"`,
    ]),
    // Reports to the same processor, which publishes the authorisation; RSA and Ed25519 keys.
    zone("vendor-reports.example", "insecure", [
      `@ TXT "${SEND_VIA_EXO}"`,
      `_dmarc TXT "v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc-reports@vendor-reports.example,mailto:agg@reports-vendor.example!10m"`,
      `selector1._domainkey TXT ${rsaKey(k.rsa2048)}`,
      `selector2._domainkey TXT "v=DKIM1; k=ed25519; p=${k.ed25519}"`,
      `ed1._domainkey TXT "v=DKIM1; k=ed25519; p=${k.ed25519}"`,
    ]),
    zone("reports-vendor.example", "insecure", ['vendor-reports.example._report._dmarc TXT "v=DMARC1"']),
    // gov.uk "Protect domains that don't send email", all of it.
    zone("locked-parked.example", "insecure", [
      "@ MX 0 .",
      '@ TXT "v=spf1 -all"',
      `_dmarc TXT "${dmarcReject("locked-parked.example")}"`,
      '*._domainkey TXT "v=DKIM1; p="',
    ]),
    // The tenant's own domains: one with DMARC p=reject, one with none. The DKIM keys Exchange
    // Online publishes for the tenant's custom domains live here too.
    zone("onmicrosoft.com", "insecure", [
      `_dmarc.exampleshire TXT "v=DMARC1; p=reject; rua=mailto:dmarc-reports@exampleshire.onmicrosoft.com"`,
      `selector1-signed-council-example._domainkey.exampleshire TXT ${rsaKey(k.rsa2048)}`,
      `selector2-signed-council-example._domainkey.exampleshire TXT ${rsaKey(k.rsa2048)}`,
      `selector1-weak-dkim-example._domainkey.exampleshire TXT ${rsaKey(k.rsa1024)}`,
      "examplecity A 192.0.2.80",
    ]),
  ];
}

/**
 * NCSC Mail Check accepts DMARC reports for any domain (RFC 9990, Verifying External Destinations): it publishes the
 * authorisation as a wildcard, as the sample world does here.
 */
export function mailCheckZone(): Zone {
  return zone("dmarc.service.gov.uk", "insecure", ['*._report._dmarc TXT "v=DMARC1"']);
}
