// Everything probed for one domain. Each section belongs to one probe (src/probe/<name>).
import { z } from "zod";
import { dmarcEvidence } from "./dmarc.js";
import { mxEvidence } from "./mx.js";
import { domainRole } from "./role.js";
import { spfEvidence } from "./spf.js";

export const domainEvidence = z.object({
  /** Lower-case A-label, no trailing dot. */
  name: z.string(),
  /** As the user or the tenant gave it. */
  input: z.string(),
  /** Where the domain came from. */
  source: z.enum(["cli", "file", "tenant"]),
  role: domainRole,
  mx: mxEvidence,
  spf: spfEvidence,
  dmarc: dmarcEvidence,
});
export type DomainEvidence = z.infer<typeof domainEvidence>;
