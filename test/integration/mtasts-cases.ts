// The MTA-STS and TLS-RPT cases of the in-process world: one domain under sts.example per case,
// its DNS records, the policy site (certificate and response) that stands in for
// mta-sts.<domain>, and the verdict each rule must give. Shared by the integration tests.
import type { SiteResponse } from "../../src/sandbox/https/server.js";
import type { SmtpServerMode } from "../../src/sandbox/smtp/server.js";

export const ZONE = "sts.example";
export const POLICY_PATH = "/.well-known/mta-sts.txt";
export const NCSC_TLSRPT = "mailto:tls-rua@mailcheck.service.ncsc.gov.uk";

export type CertKind = "good" | "wrong-name" | "self-signed" | "expired" | "other-ca";

export interface StsCase {
  label: string;
  about: string;
  /** Zone lines relative to sts.example; `@` stands for the case's own domain. */
  records: string[];
  site?: { cert: CertKind; response?: SiteResponse };
  /** Rule id → expected status for domain:<label>.sts.example. */
  expect: Record<string, string>;
  /** Names the DNS server never answers (`name` or `name|TYPE`), `@` as above. */
  silent?: string[];
}

export const domainOf = (label: string) => `${label}.${ZONE}`;

/**
 * The MX hosts that answer SMTP, each on its own loopback address (ProbeContext.smtpEndpoint
 * routes the address to an in-process server). Every other address is unreachable in this world.
 * A zone line `TLSA-OF <address>` becomes the DANE-EE 3 1 1 record of that server's key.
 */
export const mxServers: { address: string; host: string; mode: SmtpServerMode; cert: CertKind }[] = [
  { address: "127.0.0.60", host: "mx.certs-good.sts.example", mode: "starttls", cert: "good" },
  { address: "127.0.0.61", host: "mx.certs-wrongname.sts.example", mode: "starttls", cert: "wrong-name" },
  { address: "127.0.0.62", host: "mx.certs-expired.sts.example", mode: "starttls", cert: "expired" },
  { address: "127.0.0.63", host: "mx.certs-selfsigned.sts.example", mode: "starttls", cert: "self-signed" },
  { address: "127.0.0.64", host: "mx.certs-nostarttls.sts.example", mode: "no-starttls", cert: "good" },
  { address: "127.0.0.65", host: "mx.certs-tls10.sts.example", mode: "tls10-only", cert: "good" },
  { address: "127.0.0.66", host: "mx.certs-stall.sts.example", mode: "stall-after-banner", cert: "good" },
  { address: "127.0.0.67", host: "a.mx.certs-mixed.sts.example", mode: "starttls", cert: "good" },
  { address: "127.0.0.68", host: "b.mx.certs-mixed.sts.example", mode: "starttls", cert: "wrong-name" },
  { address: "127.0.0.69", host: "mx.dane-covered.sts.example", mode: "starttls", cert: "good" },
  { address: "127.0.0.70", host: "mx1.dane-uncovered.sts.example", mode: "starttls", cert: "good" },
  { address: "127.0.0.71", host: "mx2.dane-uncovered.sts.example", mode: "starttls", cert: "good" },
];

const policy = (mode: string, mx: string[], maxAge: number, eol = "\r\n") =>
  [`version: STSv1`, `mode: ${mode}`, ...mx.map((m) => `mx: ${m}`), `max_age: ${maxAge}`].join(eol) + eol;
const text = (body: string, contentType = "text/plain"): SiteResponse => ({ status: 200, headers: { "content-type": contentType }, body });
const mx1 = ["@ MX 10 mx1.@", "mx1.@ A 127.0.0.1"];
const sts = (id = "20250301T0000") => [`_mta-sts.@ TXT "v=STSv1; id=${id}"`, "mta-sts.@ A 127.0.0.1"];
const goodPolicy = (label: string) => policy("enforce", [`mx1.${domainOf(label)}`], 1209600);

/** A valid policy padded with an unknown key to exactly `size` bytes. */
export function paddedPolicy(label: string, size: number): string {
  const head = goodPolicy(label) + "x_pad: ";
  return head + "a".repeat(size - head.length - 2) + "\r\n";
}

/** A domain whose one MX host `mx` is the SMTP server at `address`, with a good policy naming it. */
const certsCase = (label: string, address: string, about: string, status: string): StsCase => ({
  label,
  about,
  records: ["@ MX 10 mx.@", `mx.@ A ${address}`, ...sts()],
  site: { cert: "good", response: text(policy("enforce", [`mx.${domainOf(label)}`], 1209600)) },
  expect: { "mtasts.policy": "pass", "mtasts.mx-coverage": "pass", "mtasts.mx-certificates": status, "dane.mtasts-consistent": "not_applicable" },
});

const MTASTS_NA = { "mtasts.policy": "not_applicable", "mtasts.max-age": "not_applicable", "mtasts.mx-coverage": "not_applicable" };
const UNUSABLE = { "mtasts.record": "pass", "mtasts.policy": "fail", "mtasts.enforce": "fail", "mtasts.max-age": "not_applicable", "mtasts.mx-coverage": "not_applicable" };
const UNKNOWN = { "mtasts.record": "pass", "mtasts.policy": "error", "mtasts.enforce": "error", "mtasts.max-age": "error", "mtasts.mx-coverage": "error" };

export const cases: StsCase[] = [
  {
    label: "good",
    about: "enforce, a week-plus max_age, an exact and a wildcard mx covering both MX hosts, TLS-RPT to an https endpoint and still to Mail Check's retired address (a warning)",
    records: ["@ MX 10 mx1.@", "@ MX 20 a.mx.@", "mx1.@ A 127.0.0.1", "a.mx.@ A 127.0.0.1", ...sts(),
      `_smtp._tls.@ TXT "v=TLSRPTv1; rua=${NCSC_TLSRPT},https://reports.good.sts.example/tlsrpt"`],
    site: { cert: "good", response: text(policy("enforce", ["mx1.good.sts.example", "*.mx.good.sts.example"], 1209600)) },
    expect: {
      "mtasts.record": "pass", "mtasts.policy": "pass", "mtasts.enforce": "pass", "mtasts.max-age": "pass", "mtasts.mx-coverage": "pass",
      "tlsrpt.record": "pass", "tlsrpt.reporting": "warn",
      // Its MX hosts answer no SMTP in this world: unknown, never a pass.
      "mtasts.mx-certificates": "error", "dane.mtasts-consistent": "not_applicable",
    },
  },
  {
    label: "testing",
    about: "testing mode with a one-day max_age (LF line endings); TLS-RPT only to the domain's own mailbox",
    records: [...mx1, ...sts(), '_smtp._tls.@ TXT "v=TLSRPTv1; rua=mailto:tlsrpt@testing.sts.example"'],
    site: { cert: "good", response: text(policy("testing", ["mx1.testing.sts.example"], 86400, "\n")) },
    expect: { "mtasts.policy": "pass", "mtasts.enforce": "warn", "mtasts.max-age": "pass", "mtasts.mx-coverage": "pass", "tlsrpt.record": "pass", "tlsrpt.reporting": "not_applicable" },
  },
  {
    label: "short",
    about: "enforce with max_age one day (below the pack's two weeks)",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: text(policy("enforce", ["mx1.short.sts.example"], 86400)) },
    expect: { "mtasts.enforce": "pass", "mtasts.max-age": "fail" },
  },
  {
    label: "short-testing",
    about: "testing with max_age one hour (below the pack's one day)",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: text(policy("testing", ["mx1.short-testing.sts.example"], 3600)) },
    expect: { "mtasts.enforce": "warn", "mtasts.max-age": "fail" },
  },
  {
    label: "none",
    about: "mode none, no mx lines: valid, but MTA-STS is switched off",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: text("version: STSv1\nmode: none\nmax_age: 86400\n") },
    expect: { "mtasts.policy": "pass", "mtasts.enforce": "fail", "mtasts.max-age": "not_applicable", "mtasts.mx-coverage": "not_applicable" },
  },
  {
    label: "redirect",
    about: "301 to the good domain's policy: never followed",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: { status: 301, headers: { location: `https://mta-sts.good.sts.example${POLICY_PATH}` } } },
    expect: UNUSABLE,
  },
  {
    label: "notfound",
    about: "the policy host answers 404",
    records: [...mx1, ...sts()],
    site: { cert: "good" },
    expect: UNUSABLE,
  },
  {
    label: "html",
    about: "a well-formed policy served as text/html",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: text(goodPolicy("html"), "text/html; charset=utf-8") },
    expect: UNUSABLE,
  },
  {
    label: "charset",
    about: "text/plain with a charset parameter, in capitals",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: text(goodPolicy("charset"), "Text/Plain; charset=US-ASCII") },
    expect: { "mtasts.policy": "pass", "mtasts.enforce": "pass" },
  },
  {
    label: "big",
    about: "a 70 KiB body with its Content-Length",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: text(paddedPolicy("big", 70 * 1024)) },
    expect: UNUSABLE,
  },
  {
    label: "big-chunked",
    about: "a 70 KiB body sent chunked, without a length: reading stops at 64 KiB",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: { ...text(paddedPolicy("big-chunked", 70 * 1024)), chunked: true } },
    expect: UNUSABLE,
  },
  {
    label: "edge",
    about: "a policy of exactly 64 KiB, sent chunked: still read",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: { ...text(paddedPolicy("edge", 64 * 1024)), chunked: true } },
    expect: { "mtasts.policy": "pass", "mtasts.enforce": "pass" },
  },
  {
    label: "wrongname",
    about: "a certificate from the trusted CA, for another name",
    records: [...mx1, ...sts()],
    site: { cert: "wrong-name", response: text(goodPolicy("wrongname")) },
    expect: UNUSABLE,
  },
  {
    label: "selfsigned",
    about: "a self-signed certificate for the right name",
    records: [...mx1, ...sts()],
    site: { cert: "self-signed", response: text(goodPolicy("selfsigned")) },
    expect: UNUSABLE,
  },
  {
    label: "expired",
    about: "a certificate from the trusted CA that expired yesterday",
    records: [...mx1, ...sts()],
    site: { cert: "expired", response: text(goodPolicy("expired")) },
    expect: UNUSABLE,
  },
  {
    label: "otherca",
    about: "a certificate for the right name from a CA the run does not trust",
    records: [...mx1, ...sts()],
    site: { cert: "other-ca", response: text(goodPolicy("otherca")) },
    expect: UNUSABLE,
  },
  {
    label: "slow",
    about: "the server accepts the request and never answers",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: { status: 200, stall: true } },
    expect: UNKNOWN,
  },
  {
    label: "drip",
    about: "the server sends a byte every 200 ms, forever",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: { status: 200, headers: { "content-type": "text/plain" }, dripMs: 200 } },
    expect: UNKNOWN,
  },
  {
    label: "wild",
    about: "mx *.mx.wild.sts.example: covers a.mx, not deep.b.mx (two labels) nor mx itself",
    records: ["@ MX 10 a.mx.@", "@ MX 20 deep.b.mx.@", "@ MX 30 mx.@", "a.mx.@ A 127.0.0.1", "deep.b.mx.@ A 127.0.0.1", "mx.@ A 127.0.0.1", ...sts()],
    site: { cert: "good", response: text(policy("enforce", ["*.mx.wild.sts.example"], 1209600)) },
    expect: { "mtasts.policy": "pass", "mtasts.enforce": "pass", "mtasts.mx-coverage": "fail" },
  },
  {
    label: "nohost",
    about: "an _mta-sts record, but mta-sts.<domain> has no address",
    records: [...mx1, '_mta-sts.@ TXT "v=STSv1; id=1"'],
    expect: UNUSABLE,
  },
  {
    label: "norecord",
    about: "a policy site but no _mta-sts record (never fetched), and no TLS-RPT",
    records: [...mx1, "mta-sts.@ A 127.0.0.1"],
    site: { cert: "good", response: text(goodPolicy("norecord")) },
    expect: {
      "mtasts.record": "fail", ...MTASTS_NA, "mtasts.enforce": "fail", "mtasts.mx-certificates": "not_applicable", "dane.mtasts-consistent": "not_applicable",
      "tlsrpt.record": "fail", "tlsrpt.reporting": "not_applicable",
    },
  },
  {
    label: "tworecords",
    about: "two v=STSv1 records (no policy applies) in front of a good policy",
    records: [...mx1, ...sts("a1"), '_mta-sts.@ TXT "v=STSv1; id=b2"'],
    site: { cert: "good", response: text(goodPolicy("tworecords")) },
    expect: { "mtasts.record": "fail", "mtasts.policy": "pass", "mtasts.enforce": "fail" },
  },
  {
    label: "badrecord",
    about: "a record whose id has a hyphen",
    records: [...mx1, ...sts("2025-03-01")],
    site: { cert: "good", response: text(goodPolicy("badrecord")) },
    expect: { "mtasts.record": "fail", "mtasts.policy": "pass", "mtasts.enforce": "fail" },
  },
  {
    label: "badpolicy",
    about: "enforce without any mx line",
    records: [...mx1, ...sts()],
    site: { cert: "good", response: text("version: STSv1\nmode: enforce\nmax_age: 1209600\n") },
    expect: UNUSABLE,
  },
  {
    label: "dnstimeout",
    about: "the _mta-sts TXT lookup never answers",
    records: [...mx1, ...sts()],
    silent: ["_mta-sts.@|TXT"],
    expect: { "mtasts.record": "error", "mtasts.policy": "error", "mtasts.enforce": "error", "mtasts.max-age": "error", "mtasts.mx-coverage": "error" },
  },
  {
    label: "hostdns",
    about: "the policy host's address lookups never answer",
    records: [...mx1, ...sts()],
    silent: ["mta-sts.@"],
    expect: UNKNOWN,
  },
  {
    label: "rpt-two",
    about: "two TLS-RPT records",
    records: [...mx1, `_smtp._tls.@ TXT "v=TLSRPTv1; rua=${NCSC_TLSRPT}"`, '_smtp._tls.@ TXT "v=TLSRPTv1; rua=mailto:a@rpt-two.sts.example"'],
    expect: { "tlsrpt.record": "fail", "tlsrpt.reporting": "not_applicable" },
  },
  {
    label: "rpt-http",
    about: "a TLS-RPT record whose only rua is http:",
    records: [...mx1, '_smtp._tls.@ TXT "v=TLSRPTv1; rua=http://reports.example.net/"'],
    expect: { "tlsrpt.record": "fail", "tlsrpt.reporting": "not_applicable" },
  },
  {
    label: "rpt-timeout",
    about: "the _smtp._tls lookup never answers",
    records: [...mx1],
    silent: ["_smtp._tls.@|TXT"],
    expect: { "tlsrpt.record": "error", "tlsrpt.reporting": "error" },
  },
  certsCase("certs-good", "127.0.0.60", "the MX host presents a valid certificate for its name over TLS 1.3", "pass"),
  certsCase("certs-wrongname", "127.0.0.61", "the MX host's certificate names another host", "fail"),
  certsCase("certs-expired", "127.0.0.62", "the MX host's certificate expired yesterday", "fail"),
  certsCase("certs-selfsigned", "127.0.0.63", "the MX host's certificate is self-signed", "fail"),
  certsCase("certs-nostarttls", "127.0.0.64", "the MX host offers no STARTTLS", "fail"),
  certsCase("certs-tls10", "127.0.0.65", "the MX host speaks TLS 1.0 only", "fail"),
  certsCase("certs-stall", "127.0.0.66", "the MX host stalls after its banner", "error"),
  certsCase("certs-unreachable", "127.0.0.99", "nothing answers SMTP at the MX address", "error"),
  {
    label: "certs-mixed",
    about: "two MX hosts: one valid, one with a certificate for another name",
    records: ["@ MX 10 a.mx.@", "@ MX 20 b.mx.@", "a.mx.@ A 127.0.0.67", "b.mx.@ A 127.0.0.68", ...sts()],
    site: { cert: "good", response: text(policy("enforce", ["*.mx.certs-mixed.sts.example"], 1209600)) },
    expect: { "mtasts.mx-coverage": "pass", "mtasts.mx-certificates": "fail" },
  },
  {
    label: "dane-covered",
    about: "the MX host publishes DANE-EE TLSA (signed zone) and the MTA-STS policy names it",
    records: ["@ MX 10 mx.@", "mx.@ A 127.0.0.69", "_25._tcp.mx.@ TLSA-OF 127.0.0.69", ...sts()],
    site: { cert: "good", response: text(policy("enforce", ["mx.dane-covered.sts.example"], 1209600)) },
    expect: { "mtasts.mx-coverage": "pass", "mtasts.mx-certificates": "pass", "dane.mtasts-consistent": "pass" },
  },
  {
    label: "dane-uncovered",
    about: "mx1 publishes DANE-EE TLSA, but the MTA-STS policy names only mx2",
    records: ["@ MX 10 mx1.@", "@ MX 20 mx2.@", "mx1.@ A 127.0.0.70", "mx2.@ A 127.0.0.71", "_25._tcp.mx1.@ TLSA-OF 127.0.0.70", ...sts()],
    site: { cert: "good", response: text(policy("testing", ["mx2.dane-uncovered.sts.example"], 86400)) },
    expect: { "mtasts.mx-coverage": "fail", "mtasts.mx-certificates": "pass", "dane.mtasts-consistent": "fail" },
  },
  {
    label: "dane-nosts",
    about: "DANE-EE TLSA but no MTA-STS: nothing to reconcile",
    records: ["@ MX 10 mx.dane-covered.sts.example."],
    expect: { "mtasts.record": "fail", "mtasts.mx-certificates": "not_applicable", "dane.mtasts-consistent": "not_applicable" },
  },
  {
    label: "parked",
    about: "no MX and SPF -all: MTA-STS and TLS-RPT do not apply",
    records: ['@ TXT "v=spf1 -all"'],
    expect: { "mtasts.record": "not_applicable", "mtasts.policy": "not_applicable", "mtasts.enforce": "not_applicable", "tlsrpt.record": "not_applicable", "tlsrpt.reporting": "not_applicable" },
  },
];

// `@` as a name or the last label of one, never inside an email address.
const OWN = /(^|\.)@(?=[\s.|]|$)/g;

/** The zone lines of a case, with `@` replaced by the case's label (names are relative to sts.example). */
export function caseRecords(c: StsCase): string[] {
  return c.records.map((line) => line.replace(OWN, `$1${c.label}`));
}

/** The names the DNS server must never answer, absolute. */
export function caseSilent(c: StsCase): string[] {
  return (c.silent ?? []).map((s) => s.replace(OWN, `$1${domainOf(c.label)}`));
}
