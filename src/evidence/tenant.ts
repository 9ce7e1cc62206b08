// The tenant's mail-flow configuration as collected (live or from a PowerShell bundle).
import { z } from "zod";

export const tenantEvidence = z.object({
  tenantId: z.string(),
});
export type TenantEvidence = z.infer<typeof tenantEvidence>;
