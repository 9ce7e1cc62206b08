// Everything probed for one domain. Each section belongs to one probe (src/probe/<name>).
import { z } from "zod";
import { dkimEvidence } from "./dkim.js";
import { dmarcEvidence } from "./dmarc.js";
import { gatewayEvidence } from "./gateway.js";
import { mailPathEvidence } from "./mailpath.js";
import { dnssecEvidence } from "./dnssec.js";
import { mtaStsEvidence } from "./mtasts.js";
import { mxEvidence } from "./mx.js";
import { domainRole } from "./role.js";
import { senderPtrEvidence } from "./sender-ptr.js";
import { spfEvidence } from "./spf.js";
import { tlsRptEvidence } from "./tlsrpt.js";

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
  /** Forward-confirmed PTR of each single address the SPF tree authorises. Absent in evidence from before it existed. */
  senderPtr: senderPtrEvidence.optional(),
  dmarc: dmarcEvidence,
  dkim: dkimEvidence,
  /** The domain's own answers (SOA, MX) as a validating resolver saw them. */
  dnssec: dnssecEvidence,
  mtaSts: mtaStsEvidence,
  tlsRpt: tlsRptEvidence,
  /** Which service each MX host belongs to (src/probe/gateway.ts). Null in evidence from before it existed. */
  gateway: gatewayEvidence.nullable().optional(),
  /** MX → gateway → connector → Enhanced Filtering → ARC trust (src/probe/mailpath.ts). Null when not collected. */
  mailPath: mailPathEvidence.nullable().optional(),
});
export type DomainEvidence = z.infer<typeof domainEvidence>;
