// The field list shared by the MTA-STS record (RFC 8461 §3.1) and the TLS-RPT record (RFC 8460 §3).
// Both write the same shape, only the rule names differ. RFC 8461 §3.1:
//   sts-text-record = sts-version 1*(sts-sep sts-field) [sts-sep]
//   sts-sep         = *WSP %x3B *WSP                       ; ; with optional WSP
//   sts-extension   = sts-ext-name "=" sts-ext-value       ; name=value
//   sts-ext-name    = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
//   sts-ext-value   = 1*(%x21-3A / %x3C / %x3E-7E)         ; chars excluding "=", ";", SP, and control chars
// RFC 8460 §3:
//   tlsrpt-record   = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
//   field-delim     = *WSP ";" *WSP
//   tlsrpt-extension = tlsrpt-ext-name "=" tlsrpt-ext-value
//   tlsrpt-ext-name and tlsrpt-ext-value: as sts-ext-name and sts-ext-value above.
// Splitting only: each protocol judges its own names and values (rua= holds "," lists with spaces).
//
// Not the DKIM/DMARC tag-list (tag-list.ts, RFC 6376 §3.2): that one allows folding white space (FWS,
// CRLF included) around tags, names and "=", takes any name of ALPHA *(ALPHA / DIGIT / "_"), has no
// version field, and its values may hold spaces. Here only WSP (space, tab) around ";" is allowed,
// and a space anywhere else makes the field malformed, so the two cannot share one splitter.

/** One part between delimiters, after the version. */
export type FieldPart =
  /** Two delimiters in a row: the ABNF has no empty field. */
  | { kind: "empty" }
  /** No "=", nothing before it, or a name that is not an ext-name. `text` as written, for messages. */
  | { kind: "malformed"; text: string }
  /** `name=value`: the value is everything after the first "=" (so it may itself hold "="). */
  | { kind: "field"; text: string; name: string; value: string };

export interface FieldList {
  /** The text before the first delimiter, which the record's version field must be. */
  version: string;
  /** The parts after it, in order; repeated names are all kept for the protocol to judge. */
  parts: FieldPart[];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const VALUE = /^[\x21-\x3a\x3c\x3e-\x7e]+$/;

/** Whether `value` is an sts-ext-value / tlsrpt-ext-value: one or more visible characters, none of them "=" or ";". */
export const isExtValue = (value: string): boolean => VALUE.test(value);

/**
 * RFC 8461 §3.1, RFC 8460 §3: whether a TXT record begins with `version` followed by a delimiter or
 * its end; records that do not are discarded before any parsing ("v=STSv10" is not "v=STSv1").
 */
export function beginsWithVersion(text: string, version: string): boolean {
  return text.startsWith(version) && /^[ \t]*(;|$)/.test(text.slice(version.length));
}

export function splitFieldList(raw: string): FieldList {
  const texts = raw.split(/[ \t]*;[ \t]*/);
  // A trailing delimiter leaves one empty part, which the ABNF allows.
  if (texts.length > 1 && texts[texts.length - 1] === "") texts.pop();
  return { version: texts[0]!, parts: texts.slice(1).map(fieldPart) };
}

function fieldPart(text: string): FieldPart {
  if (text === "") return { kind: "empty" };
  const eq = text.indexOf("=");
  const name = text.slice(0, eq);
  if (eq <= 0 || !NAME.test(name)) return { kind: "malformed", text };
  return { kind: "field", text, name, value: text.slice(eq + 1) };
}
