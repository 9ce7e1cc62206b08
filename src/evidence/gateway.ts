// Which service each MX host of a domain belongs to: Exchange Online itself, a third-party gateway
// from the catalogue (rules/data/gateways.yaml and --data files), or a host the catalogue does not
// know. Facts only: whether a gateway is a problem is for the rules.
import { z } from "zod";
import { evidenceError } from "./common.js";

export const gatewayHost = z.object({
  host: z.string(),
  preference: z.number().int(),
  /** exchange-online; gateway (a catalogue entry); unknown (neither: on-premises or an unlisted service). */
  kind: z.enum(["exchange-online", "gateway", "unknown"]),
  /** The catalogue entry's id and name; null for unknown hosts. */
  gatewayId: z.string().nullable(),
  gatewayName: z.string().nullable(),
  /** The catalogue MX pattern that matched. */
  pattern: z.string().nullable(),
});
export type GatewayHost = z.infer<typeof gatewayHost>;

/** A third-party gateway the domain's MX points to, with what the catalogue says of it. */
export const detectedGateway = z.object({
  id: z.string(),
  name: z.string(),
  /** The ARC-Seal d= the gateway seals with (RFC 8617 §4.1.3); empty when no source names it. */
  arcSealers: z.array(z.string()),
  hosts: z.array(z.string()),
});
export type DetectedGateway = z.infer<typeof detectedGateway>;

export const gatewayEvidence = z.object({
  /** The MX lookup failed, so where mail goes is unknown. */
  error: evidenceError.nullable(),
  /**
   * exchange-online: every MX host is Exchange Online; third-party: none is (a gateway or an unknown
   * host); mixed: some are; none: no MX hosts (none published, or Null MX).
   */
  kind: z.enum(["exchange-online", "third-party", "mixed", "none"]),
  hosts: z.array(gatewayHost),
  /** Distinct catalogue gateways, in MX preference order. */
  gateways: z.array(detectedGateway),
  /** MX hosts that match no catalogue entry. */
  unknownHosts: z.array(z.string()),
});
export type GatewayEvidence = z.infer<typeof gatewayEvidence>;
