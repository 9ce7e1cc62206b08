// One secret scrubber for everything printed or stored. It knows this run's own secrets (the client
// secret, every token signed in for) and the shapes tokens and credentials take, and replaces them
// with [redacted] wherever they turn up: a token endpoint that reflects client_secret in its error,
// an Exchange 403 body that echoes the Authorization header (issue 27, cases 4 and 5). It runs on
// every error text before it becomes evidence (thrownError), and on everything the CLI writes.

const known = new Set<string>();

/** A value of this run that must never be printed or stored (shorter ones could match by chance). */
export function rememberSecret(value: string | null | undefined): void {
  if (value && value.length >= 8) known.add(value);
}

// Shapes a secret takes whoever it belongs to: a JWT (every Entra ID token is one), an
// Authorization header's credentials, and form or JSON fields that carry credentials.
const SHAPES: [RegExp, string][] = [
  [/\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*/g, "[redacted]"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 [redacted]"],
  [/\b(client_secret|client_assertion|refresh_token|access_token|id_token|password|assertion)(["']?\s*[=:]\s*["']?)[^\s"'&,;}]+/gi, "$1$2[redacted]"],
];

export function scrubSecrets(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join("[redacted]");
  for (const [shape, replacement] of SHAPES) out = out.replace(shape, replacement);
  return out;
}
