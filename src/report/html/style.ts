// The report's one stylesheet, inline (the page loads nothing). Colours match the workbook's
// Okabe–Ito tints; the status is always written too. Print: no table row split across pages, a
// page break before each major section.
export const CSS = `
:root { font-family: Calibri, Carlito, "Segoe UI", Arial, sans-serif; font-size: 11pt; color: #1a1a1a; }
body { max-width: 1200px; margin: 1.5em auto; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { font-size: 1.35em; border-bottom: 2px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.1em; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #c8c8c8; padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
th { background: #e6e6e6; }
tr { break-inside: avoid; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f6f6; border: 1px solid #ddd; padding: 0.5em; font-size: 0.85em; }
code { font-size: 0.92em; }
.s-fail { background: #f5c6a8; font-weight: bold; }
.s-error { background: #e8c3da; font-weight: bold; }
.s-warn { background: #ffeb99; }
.s-waived { background: #d6d6d6; }
.s-pass { background: #bfe0f5; }
.s-info { background: #eaeaea; }
.verdict { padding: 0.6em 0.8em; border: 2px solid #555; margin: 1em 0; font-weight: bold; }
.verdict.incomplete { background: #e8c3da; }
.verdict.complete { background: #bfe0f5; }
.fix { border: 1px solid #ccc; border-left: 6px solid #999; padding: 0.4em 0.8em; margin: 0.8em 0; break-inside: avoid-page; }
.fix.high { border-left-color: #d55e00; }
.fix.medium { border-left-color: #e69f00; }
.fix.low { border-left-color: #56b4e9; }
.muted { color: #555; font-size: 0.9em; }
table.narrow { width: auto; }
nav ul { columns: 3; }
.matrix td { white-space: nowrap; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { max-width: none; margin: 0; font-size: 9.5pt; }
  h2 { break-before: page; }
  h2.first { break-before: avoid; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;
