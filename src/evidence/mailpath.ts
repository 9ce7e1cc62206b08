// The inbound mail path of a domain whose MX points away from Exchange Online: for each gateway,
// where it delivers from (egress), the tenant's inbound connectors that would receive from it (and
// why we think so), their Enhanced Filtering and lock-down settings, and the ARC trust. Needs a
// tenant; without one `tenantAssessed` is false and the lists are empty.
import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";

/** Where a gateway delivers from: the catalogue's ranges plus the SPF includes that list them. */
export const egressEvidence = z.object({
  /** A lookup of an SPF include failed: the ranges may be incomplete. */
  error: evidenceError.nullable(),
  /** IPv4/IPv6 prefixes, from the catalogue and from the SPF walk (RFC 7208 §5.6 ip4/ip6). */
  ranges: z.array(z.string()),
  /** Each SPF record read, include by include. */
  lookups: z.array(z.object({ name: z.string(), error: evidenceError.nullable(), lookup: dnsLookup.nullable(), record: z.string().nullable() })),
});
export type EgressEvidence = z.infer<typeof egressEvidence>;

export const connectorMatch = z.enum(["certificate", "senderIp", "associatedDomain", "name"]);

/** An inbound connector on the path, with the facts the rules judge. */
export const pathConnector = z.object({
  name: z.string(),
  enabled: z.boolean().nullable(),
  connectorType: z.string().nullable(),
  /** Why this connector is taken to receive from the gateway. */
  matchedBy: z.array(connectorMatch),
  senderIPAddresses: z.array(z.string()),
  tlsSenderCertificateName: z.string().nullable(),
  senderDomains: z.array(z.string()),
  associatedAcceptedDomains: z.array(z.string()),
  /** SenderDomains includes "*" (smtp:*;1): the restrictions below apply to mail from every domain. */
  allSenderDomains: z.boolean(),
  requireTls: z.boolean().nullable(),
  restrictDomainsToIPAddresses: z.boolean().nullable(),
  restrictDomainsToCertificate: z.boolean().nullable(),
  enhancedFiltering: z.object({
    skipLastIP: z.boolean().nullable(),
    skipIPs: z.array(z.string()),
    testMode: z.boolean().nullable(),
    /** Enhanced Filtering applies to these recipients only; empty means everyone. */
    users: z.array(z.string()),
    /**
     * How EFSkipIPs relates to the gateway's egress: all (every egress range is skipped), some,
     * none, unknown (the egress is not known), not-set (EFSkipIPs is empty).
     */
    skipIPsCoverEgress: z.enum(["all", "some", "none", "unknown", "not-set"]),
  }),
});
export type PathConnector = z.infer<typeof pathConnector>;

export const gatewayPath = z.object({
  /** The catalogue id; null for an MX host the catalogue does not know. */
  gatewayId: z.string().nullable(),
  name: z.string(),
  hosts: z.array(z.string()),
  egress: egressEvidence,
  /** Every inbound connector matched to this gateway, enabled or not. */
  connectors: z.array(pathConnector),
  arc: z.object({
    /** Sealing domains the catalogue names for the gateway. */
    sealers: z.array(z.string()),
    /** Of those, the ones in the tenant's ArcTrustedSealers. */
    trusted: z.array(z.string()),
  }),
});
export type GatewayPath = z.infer<typeof gatewayPath>;

export const mailPathEvidence = z.object({
  /** The tenant's connectors (or accepted domains) could not be read: the path is unknown. */
  error: evidenceError.nullable(),
  tenantAssessed: z.boolean(),
  /** The domain is an accepted domain of the tenant; null without a tenant. */
  acceptedDomain: z.boolean().nullable(),
  /** One entry per gateway (or unknown host) the MX points to; empty when every MX is Exchange Online. */
  gateways: z.array(gatewayPath),
  /** The tenant reported its connector or accepted-domain list as possibly incomplete (a page not returned). */
  possiblyTruncated: z.boolean().default(false),
});
export type MailPathEvidence = z.infer<typeof mailPathEvidence>;
