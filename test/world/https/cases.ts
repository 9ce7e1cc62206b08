// The MTA-STS policy sites of the loopback test world: one https://mta-sts.<label>.sts.test per
// case, all served on 127.0.0.30:443 by serve.ts (certificate by SNI, site by Host), with
// certificates from the world's test CA (smtp/certs.ts issues them at every start). The zone
// zones/sts.test.zone points each mta-sts.<label>.sts.test at HTTPS_ADDRESS; mtasts-world.test.ts
// holds the verdicts.
import type { SiteResponse } from "../../../src/sandbox/https/server.js";

export const HTTPS_ADDRESS = "127.0.0.30";
export const STS_ZONE = "sts.test";
export const POLICY_PATH = "/.well-known/mta-sts.txt";

export interface WorldSite {
  label: string;
  about: string;
  /** "good": the world CA, for mta-sts.<label>.sts.test; "wrong-name": the world CA, for another name. */
  cert: "good" | "wrong-name";
  /** What the policy path answers; absent: a 404 (the site exists, the policy does not). */
  response?: SiteResponse;
}

export const stsDomain = (label: string) => `${label}.${STS_ZONE}`;
export const stsHost = (label: string) => `mta-sts.${stsDomain(label)}`;
/** File stem of a site's certificate under $EXO_WORLD_DIR/https: <stem>.chain.pem, <stem>.key.pem. */
export const certStem = (label: string) => `mta-sts-${label}`;
/** The name the wrong-name certificate is for. */
export const ELSEWHERE = "www.elsewhere.sts.test";

/** The MX host most cases name: the DANE world's good SMTP server (127.0.0.20, world CA). */
export const GOOD_MX = "mx-good.dane.test";

const policy = (mode: string, mx: string[], maxAge: number, eol = "\r\n") =>
  [`version: STSv1`, `mode: ${mode}`, ...mx.map((m) => `mx: ${m}`), `max_age: ${maxAge}`].join(eol) + eol;
const text = (body: string, contentType = "text/plain"): SiteResponse => ({ status: 200, headers: { "content-type": contentType }, body });
const goodPolicy = policy("enforce", [GOOD_MX], 1209600);

/** A valid policy padded with an unknown key to exactly `size` bytes. */
function padded(size: number): string {
  const head = goodPolicy + "x_pad: ";
  return head + "a".repeat(size - head.length - 2) + "\r\n";
}

export const worldSites: WorldSite[] = [
  { label: "good", about: "enforce, two weeks, the MX host and a wildcard", cert: "good", response: text(policy("enforce", [GOOD_MX, "*.mx.good.sts.test"], 1209600)) },
  { label: "testing", about: "testing mode, one day, LF line endings", cert: "good", response: text(policy("testing", [GOOD_MX], 86400, "\n")) },
  { label: "redirect", about: "301 to the good domain's policy (never followed)", cert: "good", response: { status: 301, headers: { location: `https://${stsHost("good")}${POLICY_PATH}` } } },
  { label: "notfound", about: "404", cert: "good" },
  { label: "html", about: "a good policy served as text/html", cert: "good", response: text(goodPolicy, "text/html; charset=utf-8") },
  { label: "big", about: "a 70 KiB body (over the 64 KiB limit)", cert: "good", response: text(padded(70 * 1024)) },
  { label: "wrongname", about: `a good policy, certificate for ${ELSEWHERE}`, cert: "wrong-name", response: text(goodPolicy) },
  { label: "wild", about: "mx *.mx.wild.sts.test for a.mx, deep.b.mx and mx", cert: "good", response: text(policy("enforce", ["*.mx.wild.sts.test"], 1209600)) },
  { label: "wildok", about: "mx *.mx.wildok.sts.test for a.mx only", cert: "good", response: text(policy("enforce", ["*.mx.wildok.sts.test"], 1209600)) },
];
