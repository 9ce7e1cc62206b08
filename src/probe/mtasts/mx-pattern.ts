// MX host matching against a policy's mx patterns (RFC 8461 §4.1): a pattern is a host name or
// "*." followed by one; the wildcard stands for exactly one whole leftmost label, so
// "*.example.com" matches "mail.example.com" but neither "example.com" nor "a.b.example.com".
// Names compare case-insensitively, and a trailing dot (an absolute name) changes nothing.

// RFC 5321 §4.1.2 Domain: sub-domain *("." sub-domain); sub-domain = Let-dig [Ldh-str].
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const canonical = (name: string) => name.toLowerCase().replace(/\.$/, "");

/** The pattern lower-cased without a trailing dot, or null when it is not a valid mx pattern. */
export function normalizeMxPattern(value: string): string | null {
  const p = canonical(value.trim());
  const rest = p.startsWith("*.") ? p.slice(2) : p;
  if (rest === "" || rest.length > 253 || !rest.split(".").every((l) => LABEL.test(l))) return null;
  return p;
}

export function mxMatches(host: string, pattern: string): boolean {
  const h = canonical(host);
  const p = canonical(pattern);
  if (!p.startsWith("*.")) return h === p;
  const dot = h.indexOf(".");
  // The wildcard takes the first label only, and that label must not be empty.
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

/** The first pattern the host matches, or null. */
export function matchingPattern(host: string, patterns: string[]): string | null {
  return patterns.find((p) => mxMatches(host, p)) ?? null;
}
