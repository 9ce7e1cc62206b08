// Domain names from users and from records: normalised to lower-case A-labels without the root dot.
import { domainToASCII } from "node:url";

export type NameResult = { ok: true; name: string } | { ok: false; reason: string };

/** RFC 1035 §2.3.4 limits (63 per label, 253 in all) and RFC 5890 A-labels for IDNs. */
export function normalizeDomain(input: string): NameResult {
  const raw = input.trim();
  if (raw === "") return { ok: false, reason: "empty name" };
  if (/\s/.test(raw)) return { ok: false, reason: "contains white space" };
  const stripped = raw.replace(/\.$/, "");
  if (stripped === "" || stripped.split(".").some((l) => l === "")) return { ok: false, reason: "empty label" };
  const ascii = /^[\x21-\x7e]*$/.test(stripped) ? stripped.toLowerCase() : domainToASCII(stripped);
  if (!ascii) return { ok: false, reason: "not a valid internationalised name" };
  const labels = ascii.split(".");
  const long = labels.find((l) => l.length > 63);
  if (long) return { ok: false, reason: `label longer than 63 octets (${long.length})` };
  if (ascii.length > 253) return { ok: false, reason: `name longer than 253 octets (${ascii.length})` };
  const bad = labels.find((l) => !/^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/.test(l));
  if (bad !== undefined) return { ok: false, reason: `label "${bad}" has characters a host name cannot have` };
  if (labels.length < 2) return { ok: false, reason: "a mail domain has at least two labels" };
  return { ok: true, name: ascii };
}
