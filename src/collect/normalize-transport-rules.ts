// Get-TransportRule: the predicates and actions the rule pack reads (portal quarantine, encrypted
// mail handling), named after the New-TransportRule parameters the output follows.
import type { TransportRule } from "../evidence/tenant.js";
import { PropertyReader, type RawObject } from "./coerce.js";
import { redactRaw } from "./redact.js";

const STATES = ["Enabled", "Disabled"] as const;
const MODES = ["Enforce", "Audit", "AuditAndNotify"] as const;
const MESSAGE_TYPES = ["OOF", "AutoForward", "Encrypted", "Calendaring", "PermissionControlled", "Voicemail", "Signed", "ApprovalRequest", "ReadReceipt"] as const;
const SCOPES = ["InOrganization", "NotInOrganization"] as const;

export function transportRuleOf(obj: RawObject, warnings: string[]): TransportRule {
  const r = new PropertyReader(obj, warnings, `Get-TransportRule ${JSON.stringify(String(obj.Name ?? obj.Identity ?? "?"))}`);
  return {
    name: r.str("Name") ?? r.str("Identity") ?? "(unnamed)",
    identity: r.str("Identity"),
    state: r.enumOf("State", STATES),
    mode: r.enumOf("Mode", MODES),
    priority: r.int("Priority"),
    conditions: r.list("Conditions").map(predicateName),
    exceptions: r.list("Exceptions").map(predicateName),
    actions: r.list("Actions").map(predicateName),
    senderDomainIs: r.list("SenderDomainIs").map((d) => d.toLowerCase()),
    fromAddressContainsWords: r.list("FromAddressContainsWords"),
    fromAddressMatchesPatterns: r.list("FromAddressMatchesPatterns"),
    subjectContainsWords: r.list("SubjectContainsWords"),
    subjectMatchesPatterns: r.list("SubjectMatchesPatterns"),
    subjectOrBodyContainsWords: r.list("SubjectOrBodyContainsWords"),
    headerContainsMessageHeader: r.str("HeaderContainsMessageHeader"),
    headerContainsWords: r.list("HeaderContainsWords"),
    headerMatchesMessageHeader: r.str("HeaderMatchesMessageHeader"),
    headerMatchesPatterns: r.list("HeaderMatchesPatterns"),
    messageTypeMatches: r.enumOf("MessageTypeMatches", MESSAGE_TYPES),
    fromScope: r.enumOf("FromScope", SCOPES),
    sentToScope: r.enumOf("SentToScope", [...SCOPES, "ExternalPartner", "ExternalNonPartner"] as const),
    senderIpRanges: r.list("SenderIpRanges"),
    exceptIfSenderDomainIs: r.list("ExceptIfSenderDomainIs").map((d) => d.toLowerCase()),
    recipientDomainIs: r.list("RecipientDomainIs").map((d) => d.toLowerCase().replace(/\.$/, "")),
    routeMessageOutboundRequireTls: r.bool("RouteMessageOutboundRequireTls"),
    quarantine: r.bool("Quarantine"),
    setSCL: r.int("SetSCL"),
    redirectMessageTo: r.list("RedirectMessageTo"),
    deleteMessage: r.bool("DeleteMessage"),
    rejectMessageReasonText: r.str("RejectMessageReasonText"),
    setHeaderName: r.str("SetHeaderName"),
    setHeaderValue: r.str("SetHeaderValue"),
    stopRuleProcessing: r.bool("StopRuleProcessing"),
    raw: redactRaw(obj),
  };
}

/** "Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SenderDomainIsPredicate" → "SenderDomainIs". */
function predicateName(s: string): string {
  return s.replace(/^.*\./, "").replace(/(Predicate|Action)$/, "");
}

/** Rules apply in priority order (0 first); unknown priorities last, by name. */
export function byPriority(a: TransportRule, b: TransportRule): number {
  return (a.priority ?? Infinity) - (b.priority ?? Infinity) || a.name.localeCompare(b.name);
}
