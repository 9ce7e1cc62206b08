// The parts of a message's header this tool reports itself: the ARC-Seal tags of each set
// (RFC 8617 §4.1.3), the ARC-Authentication-Results of each set (RFC 8617 §4.1.1, whose payload is
// RFC 8601 §2.2's), and From / Subject / Message-ID. Verification is mailauth's; this only reads.

/** The header section (RFC 5322 §2.1: up to the first empty line), unfolded (§2.2.3), name and value. */
export function headerFields(message: Buffer): { name: string; value: string }[] {
  const text = message.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const head = end >= 0 ? text.slice(0, end) : text;
  const fields: { name: string; value: string }[] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1]!.value += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(":");
      if (colon > 0) fields.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
    }
  }
  return fields;
}

/** RFC 6376 §3.2 tag-list (ARC-Seal uses it too): tag=value pairs separated by ";". */
export function tagList(value: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) tags[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).replace(/\s+/g, "").trim();
  }
  return tags;
}

/** RFC 8601 §2.2: "i=N; authserv-id; method=result reason …; …" with (comments) removed (RFC 5322 §3.2.2). */
export function parseArcAuthenticationResults(value: string): { instance: number; authservId: string | null; results: Record<string, string[]> } {
  const clean = stripComments(value);
  const [first, second, ...rest] = clean.split(";").map((s) => s.trim());
  const instance = Number(/^i\s*=\s*(\d+)$/.exec(first ?? "")?.[1] ?? NaN);
  const results: Record<string, string[]> = {};
  // The authserv-id may be followed by a version number; "none" means no results (RFC 8601 §2.2).
  const authservId = second ? second.split(/\s+/)[0]! : null;
  for (const resinfo of rest) {
    const m = /^([a-z0-9_-]+)(?:\/\d+)?\s*=\s*([a-z0-9_-]+)/i.exec(resinfo);
    if (m) (results[m[1]!.toLowerCase()] ??= []).push(m[2]!.toLowerCase());
  }
  return { instance, authservId, results };
}

function stripComments(value: string): string {
  let out = "";
  let depth = 0;
  for (const ch of value) {
    if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}
