// One output sanitiser: text from outside (TXT records, MX names, connector names, server replies)
// may carry C0/C1 control characters, and an ESC among them can clear a terminal, rewrite what
// was printed or plant a hyperlink (OSC 8) (issue 27, cases 1-3). Made visible as \xNN wherever a
// person reads plain text (the terminal, checklist.md); HTML escapes them too (report.html), and
// CSV and the workbook make them formula-safe. Line breaks and tabs of our own layout stay.

// C0 except tab and line feed, DEL, and C1 (U+0080-U+009F, which a terminal may read as ESC sequences).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function visibleControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
