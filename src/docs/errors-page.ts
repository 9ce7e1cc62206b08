// docs/errors.md, rendered from the error catalogue (src/evidence/errors.ts) so the page and the
// codes the tool writes cannot drift apart. A unit test compares the committed page with this.
import { ERROR_AREAS, ERROR_CODES, ERRORS, type ErrorArea, type ErrorCode } from "../evidence/errors.js";
import { TRANSLATED_CODES } from "../evidence/translated-codes.js";

const AREA_TITLES: Record<ErrorArea, string> = {
  dns: "DNS",
  dnssec: "DNSSEC",
  http: "HTTPS (the MTA-STS policy fetch)",
  smtp: "SMTP",
  tls: "TLS and certificates",
  spf: "SPF (gateway egress ranges)",
  dkim: "DKIM",
  message: "Sample message (--message)",
  "tenant-graph": "Tenant: Microsoft Graph",
  "tenant-exchange": "Tenant: Exchange Online",
  auth: "Sign-in",
  bundle: "Tenant bundle (--tenant-bundle)",
  internal: "Not run, not checked, internal",
};

const INTRO = [
  "When a probe or a collector cannot find something out, it records an error instead of a fact:",
  "a stable `code` and a `message` for people, in `evidence.json` where the fact would have been.",
  "A rule that needs that evidence gives the status `error`, never pass or fail, and its finding",
  "quotes both, as in `domain.spf could not be assessed: DNS_TIMEOUT: example.org TXT: no answer …`.",
  "The code says what kind of failure it was, and is what rules branch on; the message says where it",
  "happened and carries the details (the name asked, the HTTP status, Extended DNS Errors, the",
  "original code of Node or OpenSSL). Some codes describe what a server did rather than what kept",
  "the tool from finding out, such as a policy served with a redirect (`HTTP_REDIRECT`) or a mail",
  "server that does not offer STARTTLS (`SMTP_NO_STARTTLS`): rules read those as facts, and such",
  "a finding can fail.",
  "",
  "Find the code below for what it means and what you can do.",
];

/** Pipes and line breaks would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function areaSection(area: ErrorArea, codes: readonly ErrorCode[]): string[] {
  return [
    `## ${AREA_TITLES[area]}`,
    "",
    "| Code | Meaning | What to do |",
    "| --- | --- | --- |",
    ...codes.map((c) => `| \`${c}\` | ${cell(ERRORS[c].meaning)} | ${cell(ERRORS[c].remedy)} |`),
    "",
  ];
}

function translatedSection(): string[] {
  return [
    "## Codes of Node, undici, OpenSSL and Entra ID",
    "",
    "These never appear in `error.code`: where they are caught they become one of the codes above,",
    "and the original is kept in the message. Any other foreign code becomes `INTERNAL`, with the",
    "original at the head of the message.",
    "",
    "| Foreign code | From | Becomes |",
    "| --- | --- | --- |",
    ...TRANSLATED_CODES.map((t) => `| \`${cell(t.foreign)}${t.prefix ? "…" : ""}\` | ${t.from} | ${t.becomes.map((c) => `\`${c}\``).join(", ")} |`),
    "",
  ];
}

export function renderErrorsPage(): string {
  const lines = ["# Error codes", "", ...INTRO, ""];
  for (const area of ERROR_AREAS) {
    const codes = ERROR_CODES.filter((c) => ERRORS[c].area === area);
    if (codes.length > 0) lines.push(...areaSection(area, codes));
  }
  lines.push(...translatedSection());
  return `${lines.join("\n").trimEnd()}\n`;
}
