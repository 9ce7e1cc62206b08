// HTML from outside text: every value that reaches the page goes through esc() (text and quoted
// attribute values alike, HTML Living Standard §13.1.2.3 and §13.1.2.6), and links only through
// safeUrl(), which keeps http(s) and mailto and drops everything else (javascript:, data: …).
import { visibleControls } from "../../text/visible.js";

export function esc(value: unknown): string {
  // Control characters from outside are shown as \xNN, not passed to the page.
  return visibleControls(String(value ?? "")).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A URL fit for href: http, https or mailto, else null (a reference from a rule file could hold anything). */
export function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return ["http:", "https:", "mailto:"].includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** An id for an anchor: letters, digits, "-" and "." only. */
export function anchor(prefix: string, name: string): string {
  return `${prefix}-${name.toLowerCase().replace(/[^a-z0-9.-]+/g, "-")}`;
}
