import { z } from "zod";

/** docs/rules.md "Domain roles": the rules a domain is judged by depend on it. */
export const domainRole = z.object({
  value: z.enum(["sending", "parked", "moera", "relay", "unknown"]),
  reason: z.string(),
});
export type DomainRole = z.infer<typeof domainRole>;
