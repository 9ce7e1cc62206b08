// A certificate as a person reads it in a report, beside the PEM kept as proof.
import { z } from "zod";

export const certificateSummary = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** DNS names from subjectAltName. */
  dnsNames: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  fingerprintSha256: z.string(),
});
export type CertificateSummary = z.infer<typeof certificateSummary>;
