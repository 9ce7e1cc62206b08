// Get-AntiPhishPolicy: the spoof-protection settings that decide whether Exchange Online acts on a
// sender's DMARC policy. Values and defaults as office-docs-powershell documents them
// (new-antiphishpolicy.md): HonorDmarcPolicy $true, DmarcQuarantineAction Quarantine,
// DmarcRejectAction Reject, AuthenticationFailAction MoveToJmf.
import type { AntiPhishPolicy } from "../evidence/tenant.js";
import { PropertyReader, type RawObject } from "./coerce.js";
import { redactRaw } from "./redact.js";

const QUARANTINE_ACTIONS = ["MoveToJmf", "Quarantine"] as const;
const REJECT_ACTIONS = ["Quarantine", "Reject"] as const;
const FAIL_ACTIONS = ["MoveToJmf", "Quarantine"] as const;

export function antiPhishPolicyOf(obj: RawObject, warnings: string[]): AntiPhishPolicy | null {
  const r = new PropertyReader(obj, warnings, `Get-AntiPhishPolicy ${JSON.stringify(String(obj.Name ?? obj.Identity ?? "?"))}`);
  const name = r.str("Name") ?? r.str("Identity");
  if (!name) {
    warnings.push("Get-AntiPhishPolicy: an object without Name was skipped");
    return null;
  }
  // A policy that lacks the property is unknown (null), never taken as the default value: rules
  // then say they could not tell instead of passing.
  for (const p of ["HonorDmarcPolicy", "DmarcQuarantineAction", "DmarcRejectAction"]) {
    if (!r.has(p)) warnings.push(`Get-AntiPhishPolicy ${JSON.stringify(name)}: ${p} is not in the answer (unknown)`);
  }
  return {
    name,
    identity: r.str("Identity"),
    isDefault: r.bool("IsDefault"),
    recommendedPolicyType: r.str("RecommendedPolicyType"),
    enableSpoofIntelligence: r.bool("EnableSpoofIntelligence"),
    honorDmarcPolicy: r.bool("HonorDmarcPolicy"),
    dmarcQuarantineAction: r.enumOf("DmarcQuarantineAction", QUARANTINE_ACTIONS),
    dmarcRejectAction: r.enumOf("DmarcRejectAction", REJECT_ACTIONS),
    authenticationFailAction: r.enumOf("AuthenticationFailAction", FAIL_ACTIONS),
    raw: redactRaw(obj),
  };
}
