// Text from the outside world (TXT records, cmdlet fields, server replies) goes into Markdown
// escaped, so a record cannot inject HTML, links or formatting into a report. Only what CommonMark
// (and GFM's tables and strikethrough) would read as markup is escaped, so the raw file stays
// readable: `(`, `.`, `#` and `-` inside a line mean nothing and are left alone.

/** One line of inline text: line breaks folded, markup characters escaped (CommonMark §2.4, §6). */
export function inline(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x1f\x7f]+/g, " ")
      // An emphasis run needs a `*` anywhere, or an `_` at a word's edge (CommonMark §6.2).
      .replace(/[\\`*[\]~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (c) => `\\${c}`)
      // `&` starts an entity only when one follows (§2.5); `<` opens raw HTML and autolinks (§6.5, §6.6).
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
      .replace(/</g, "&lt;")
  );
}

/** A table cell: inline text with the GFM column separator escaped. */
export function cell(text: string): string {
  return inline(text).replace(/\|/g, "\\|");
}

/** A GFM table, padded so the raw file reads as a table too. Cells are taken as given (escape first). */
export function table(header: string[], rows: string[][], align: ("left" | "right")[] = []): string[] {
  const width = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (align[i] === "right" ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join(" | ")} |`;
  const rule = `|${width.map((w, i) => (align[i] === "right" ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(header), rule, ...rows.map(line)];
}

/** A fenced block whose fence is longer than any run of backticks inside it. */
export function fenced(text: string, lang = ""): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}
