// The tag=value list of DKIM key records (RFC 6376 §3.2), which DMARC records reuse (RFC 7489 §6.3:
// "DMARC records follow the extensible "tag-value" syntax for DNS-based key records defined in DKIM").
// Splitting only: each protocol judges names, order and values itself.

export interface Tag {
  /** As written, trimmed; callers decide whether names are case-sensitive. */
  name: string;
  /** Trimmed of surrounding white space. */
  value: string;
  /** Position in the list, from 0. */
  index: number;
}

export interface TagList {
  tags: Tag[];
  /** Parts that are not `name=value` (shown with `printable`). */
  malformed: string[];
}

export function splitTagList(text: string): TagList {
  const parts = text.split(";");
  // RFC 6376 §3.2: a tag-list may end in ";", which leaves an empty last part.
  if (parts.length > 1 && parts[parts.length - 1]!.trim() === "") parts.pop();
  const tags: Tag[] = [];
  const malformed: string[] = [];
  parts.forEach((part, index) => {
    const eq = part.indexOf("=");
    const name = eq < 0 ? "" : part.slice(0, eq).trim();
    if (name === "") {
      malformed.push(part.trim() === "" ? "(an empty part between two semicolons)" : printable(part.trim()));
      return;
    }
    tags.push({ name, value: part.slice(eq + 1).trim(), index });
  });
  return { tags, malformed };
}

/**
 * A value for a message a person reads: characters outside printable ASCII are escaped (a record
 * can hold any byte) and long values are cut, so a hostile record cannot flood a report.
 */
export function printable(value: string, max = 60): string {
  const escaped = [...value]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (code >= 0x20 && code <= 0x7e) return c;
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
    })
    .join("");
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}

/** True when every character is printable ASCII (%x20-7E), as DMARC and DKIM tag values must be. */
export const isPrintableAscii = (value: string) => /^[\x20-\x7e]*$/.test(value);

/** "a, b, c and 7 more": a bounded list for messages. */
export function listSome(items: string[], max = 8): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}
