// The data files the probes and rules read besides evidence: the gateway catalogue and the
// encrypted-portal signatures (rules/data/*.yaml, and the user's own --data files). One format for
// both, so a user file may add gateways, portals or both. Every entry names its sources.
import { z } from "zod";

export const DATA_FORMAT = "exo-posture-data/1";

const source = z.strictObject({ title: z.string().min(1), url: z.string().url() });
const lower = (s: string) => s === s.toLowerCase();
/** A DNS name, lower case, no trailing dot. */
const domainName = z.string().regex(/^([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}$/, "a lower-case domain name");
/** "*.example.com" (any name below example.com) or "host.example.com" (that name only). */
const hostPattern = z.string().regex(/^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}$/, 'a lower-case host name or "*.<domain>"');
/** An IPv4 or IPv6 prefix, e.g. 192.0.2.0/24 or 2001:db8::/32 (a bare address is a /32 or /128). */
const cidr = z.string().regex(/^([0-9.]+|[0-9a-fA-F:]+)(\/\d{1,3})?$/, "an IP address or prefix");

export const gatewayEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lower-case words joined by -"),
  name: z.string().min(1),
  /** exchange-online: Microsoft's own MX forms; third-party: a gateway in front of Exchange Online. */
  kind: z.enum(["third-party", "exchange-online"]).default("third-party"),
  mx: z.array(hostPattern).min(1),
  /** The d= of the ARC-Seal the gateway adds (RFC 8617 §4.1.3). */
  arcSealers: z.array(domainName).default([]),
  egress: z
    .strictObject({
      /** Names whose SPF record lists the egress addresses (ip4/ip6, nested includes followed). */
      spfIncludes: z.array(domainName).default([]),
      ranges: z.array(cidr).default([]),
    })
    .default({ spfIncludes: [], ranges: [] }),
  /** Names in the certificate the gateway presents to Exchange Online (TlsSenderCertificateName). */
  certificateNames: z.array(hostPattern).default([]),
  note: z.string().optional(),
  sources: z.array(source).min(1),
});
export type GatewayEntry = z.infer<typeof gatewayEntry>;

export const portalEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lower-case words joined by -"),
  name: z.string().min(1),
  senderDomains: z.array(domainName).default([]),
  senderAddresses: z.array(z.string().email().refine(lower, "lower case")).default([]),
  /** Words a transport rule matches in the subject or body. */
  phrases: z.array(z.string().min(1)).default([]),
  /** Attachment file names; "*" stands for any characters. */
  attachmentNames: z.array(z.string().min(1)).default([]),
  headers: z.array(z.strictObject({ name: z.string().min(1), value: z.string().optional() })).default([]),
  note: z.string().optional(),
  sources: z.array(source).min(1),
});
export type PortalEntry = z.infer<typeof portalEntry>;

export const dataFile = z.strictObject({
  format: z.literal(DATA_FORMAT),
  gateways: z.array(gatewayEntry).default([]),
  portals: z.array(portalEntry).default([]),
});
export type DataFile = z.infer<typeof dataFile>;

/** The catalogue a run uses: the shipped files, then the user's, later ids replacing earlier ones. */
export interface DataCatalogue {
  gateways: GatewayEntry[];
  portals: PortalEntry[];
  /** Every file read, in order, for the evidence. */
  files: string[];
}
