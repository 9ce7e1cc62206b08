// RFC 7208 §7: macro-strings. Parsed once when the record is read (so a bad macro anywhere is a
// permerror before anything is evaluated, §4.6), expanded when a term or an explanation needs it.

/** One piece of a macro-string: literal text, an escape (%% %_ %-), or a macro (%{...}). */
export type MacroToken =
  | { kind: "literal"; text: string }
  | { kind: "escape"; text: string }
  | {
      kind: "macro";
      /** s l o d i p h c r t v, lower case. */
      letter: string;
      /** §7.3: an upper-case letter means "URL-escape the expansion". */
      upper: boolean;
      /** §7.3: keep this many right-hand parts; null keeps them all. */
      digits: number | null;
      reverse: boolean;
      /** §7.1: the characters to split on; "." when none are given. */
      delimiters: string;
    };

/**
 * Where a macro-string is used decides what it may contain: an explanation string (§6.2) may hold
 * spaces and the c, r and t macros (§7.2); a domain-spec may not. An unknown modifier's value is
 * never expanded, so only its syntax matters.
 */
export type MacroContext = "domain" | "explain" | "modifier";

export type MacroParse = { ok: true; tokens: MacroToken[] } | { ok: false; error: string };

const LETTERS = new Set(["s", "l", "o", "d", "i", "p", "h", "c", "r", "t", "v"]);
const EXPLAIN_ONLY = new Set(["c", "r", "t"]);

export function parseMacroString(text: string, context: MacroContext): MacroParse {
  const tokens: MacroToken[] = [];
  let literal = "";
  const flush = () => {
    if (literal !== "") tokens.push({ kind: "literal", text: literal });
    literal = "";
  };
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (ch !== "%") {
      // §7.1: macro-literal is %x21-24 / %x26-7E; explain-string adds SP (§6.2).
      const code = ch.charCodeAt(0);
      const allowed = (code >= 0x21 && code <= 0x7e) || (code === 0x20 && context === "explain");
      if (!allowed) return { ok: false, error: `character ${describeChar(ch)} is not allowed in a macro-string (RFC 7208 §7.1)` };
      literal += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    // §7.1: "%%" is "%", "%_" a space, "%-" the URL-encoded space "%20".
    if (next === "%" || next === "_" || next === "-") {
      flush();
      tokens.push({ kind: "escape", text: next === "%" ? "%" : next === "_" ? " " : "%20" });
      i += 2;
      continue;
    }
    if (next !== "{") return { ok: false, error: `"%" must be followed by "{", "%", "_" or "-" (RFC 7208 §7.1), found ${next === undefined ? "the end" : describeChar(next)}` };
    const close = text.indexOf("}", i + 2);
    if (close < 0) return { ok: false, error: "a macro is missing its closing brace (RFC 7208 §7.1)" };
    const m = /^([A-Za-z])(\d*)([rR]?)([.\-+,/_=]*)$/.exec(text.slice(i + 2, close));
    if (!m) return { ok: false, error: `"${text.slice(i, close + 1)}" is not a valid macro (RFC 7208 §7.1)` };
    const letter = m[1]!.toLowerCase();
    if (!LETTERS.has(letter)) return { ok: false, error: `%{${m[1]}} is not a macro letter (RFC 7208 §7.3)` };
    if (EXPLAIN_ONLY.has(letter) && context === "domain") {
      return { ok: false, error: `%{${m[1]}} is allowed only in explanation text (RFC 7208 §7.2)` };
    }
    // §7.3: "If a DIGIT is specified, the value MUST be nonzero."
    if (m[2] !== "" && /^0+$/.test(m[2]!)) return { ok: false, error: `%{${text.slice(i + 2, close)}}: the number of parts must not be zero (RFC 7208 §7.3)` };
    flush();
    tokens.push({
      kind: "macro",
      letter,
      upper: m[1] !== letter,
      // Long digit strings mean "all parts"; cap them so a hostile record cannot make a huge number.
      digits: m[2] === "" ? null : m[2]!.length > 4 ? 9999 : Number(m[2]),
      reverse: m[3] !== "",
      delimiters: m[4] === "" ? "." : m[4]!,
    });
    i = close + 1;
  }
  flush();
  return { ok: true, tokens };
}

export function usesLetter(tokens: MacroToken[], letter: string): boolean {
  return tokens.some((t) => t.kind === "macro" && t.letter === letter);
}

/** The values the macro letters stand for (§7.3). `p` is looked up only when a macro uses it. */
export type MacroValues = Record<"s" | "l" | "o" | "d" | "i" | "p" | "h" | "c" | "r" | "t" | "v", string>;

export function expandMacroString(tokens: MacroToken[], values: MacroValues): string {
  return tokens.map((t) => (t.kind === "macro" ? expandMacro(t, values) : t.text)).join("");
}

function expandMacro(t: Extract<MacroToken, { kind: "macro" }>, values: MacroValues): string {
  const value = values[t.letter as keyof MacroValues];
  // §7.3: split on the delimiters, optionally reverse, keep the rightmost `digits` parts, join with ".".
  const split = new RegExp(`[${t.delimiters.replace(/[-\\\]^/]/g, "\\$&")}]`);
  let parts = value.split(split);
  if (t.reverse) parts = parts.reverse();
  if (t.digits !== null && t.digits < parts.length) parts = parts.slice(parts.length - t.digits);
  const out = parts.join(".");
  return t.upper ? urlEscape(out) : out;
}

/** §7.3: upper-case macros are URL-escaped: everything outside RFC 3986's unreserved set. */
function urlEscape(s: string): string {
  return [...Buffer.from(s, "utf8")]
    .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`))
    .join("");
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code >= 0x21 && code <= 0x7e ? `"${ch}"` : `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
