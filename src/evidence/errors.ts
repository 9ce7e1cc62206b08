// Every code an evidence error can carry, in one place: what it means and what the user can do.
// A probe or collector that records an error names one of these, so rules and reports branch on a
// closed set, and docs/errors.md is rendered from this file. A code that is not here does not
// compile where errors are made, and does not validate in evidence.json.
import { z } from "zod";

export const ERROR_AREAS = [
  "dns", "dnssec", "http", "smtp", "tls", "spf", "dkim", "message",
  "tenant-graph", "tenant-exchange", "auth", "bundle", "internal",
] as const;
export type ErrorArea = (typeof ERROR_AREAS)[number];

export const ERROR_CODES = [
  "DNS_TIMEOUT", "DNS_NETWORK", "DNS_SERVFAIL", "DNS_BOGUS", "DNS_REFUSED", "DNS_FORMERR", "DNS_BAD_RESPONSE",
  "DNS_BAD_NAME", "DNS_ERROR", "DNS_NOT_VALIDATING", "DNS_CNAME_CHAIN",
  "DNSSEC_NO_LOOKUPS",
  "HTTP_NO_ADDRESS", "HTTP_PRIVATE_ADDRESS", "HTTP_CONNECT_REFUSED", "HTTP_TIMEOUT", "HTTP_NETWORK", "HTTP_PROTOCOL", "HTTP_REDIRECT",
  "HTTP_STATUS", "HTTP_CONTENT_TYPE", "HTTP_BODY_TOO_LARGE", "HTTP_BODY_ENCODING",
  "SMTP_NO_ADDRESS", "SMTP_PRIVATE_ADDRESS", "SMTP_CONNECT", "SMTP_TIMEOUT", "SMTP_PROTOCOL", "SMTP_REJECTED", "SMTP_NO_STARTTLS",
  "SMTP_STARTTLS_REFUSED", "SMTP_RESET",
  "TLS_HANDSHAKE", "TLS_CERT_INVALID", "TLS_CERT_NAME_MISMATCH",
  "SPF_NO_RECORD", "SPF_TOO_MANY_LOOKUPS",
  "DKIM_BAD_SELECTOR",
  "MESSAGE_UNREADABLE", "MESSAGE_NOT_RFC5322",
  "GRAPH_UNAUTHORIZED", "GRAPH_FORBIDDEN", "GRAPH_HTTP_ERROR", "GRAPH_TIMEOUT", "GRAPH_NETWORK", "GRAPH_BAD_RESPONSE",
  "GRAPH_EMPTY_RESULT",
  "EXO_UNAUTHORIZED", "EXO_FORBIDDEN", "EXO_THROTTLED", "EXO_UNAVAILABLE", "EXO_HTTP_ERROR", "EXO_TIMEOUT",
  "EXO_NETWORK", "EXO_BAD_RESPONSE", "EXO_EMPTY_RESULT", "EXO_CMDLET_REFUSED",
  "AUTH_TENANT_NOT_FOUND", "AUTH_CLIENT_NOT_FOUND", "AUTH_INVALID_CREDENTIAL", "AUTH_UNREACHABLE", "AUTH_FAILED",
  "BUNDLE_MISSING", "BUNDLE_CMDLET_FAILED",
  "NOT_COLLECTED", "NOT_CHECKED", "NOT_VISIBLE", "RUN_DEADLINE", "RUN_INTERRUPTED", "EVIDENCE_INCONSISTENT", "RULE_UNDECIDED", "RULE_BUDGET", "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A named subset of the catalogue, such as the codes one error class may carry: a code not in it fails to compile. */
export type ErrorCodes<C extends ErrorCode> = C;

export const errorCode = z.enum(ERROR_CODES);

export interface ErrorEntry {
  area: ErrorArea;
  /** What happened, in one sentence for people. */
  meaning: string;
  /** What the user can do about it. */
  remedy: string;
}

export const ERRORS: { readonly [C in ErrorCode]: ErrorEntry } = {
  DNS_TIMEOUT: {
    area: "dns",
    meaning: "The resolver gave no answer within --dns-timeout, over UDP, TCP or DNS-over-HTTPS, even after a retry.",
    remedy: "Check that the resolver is reachable from this machine; raise --dns-timeout, or choose another with --resolver. A zone whose authoritative servers do not answer times out too.",
  },
  DNS_NETWORK: {
    area: "dns",
    meaning: "The query could not be sent or its answer not received: the socket failed, the TCP connection closed early, or the DNS-over-HTTPS server answered an HTTP error.",
    remedy: "Check the network path to the resolver (firewalls often block port 53 or DNS-over-TCP); try another --resolver.",
  },
  DNS_SERVFAIL: {
    area: "dns",
    meaning: "The resolver answered SERVFAIL (RFC 1035 §4.1.1) without saying why: the zone's servers failed or disagree, or, behind a validating resolver that sends no Extended DNS Error, the answer did not validate (DNSSEC bogus).",
    remedy: "Ask the zone's authoritative servers directly (dig +norecurse) and check its DNSSEC chain (DNSViz); if only a validating resolver fails, fix the signatures or the DS record at the parent.",
  },
  DNS_BOGUS: {
    area: "dns",
    meaning: "The resolver answered SERVFAIL with an Extended DNS Error of 6 to 12 (RFC 8914 §4.7–4.12): DNSSEC validation failed, so every validating resolver, and every sender behind one, gets no answer.",
    remedy: "Fix the zone's DNSSEC: re-sign it (expired or missing RRSIGs), or publish at the parent the DS record that matches the current key; DNSViz shows which link of the chain is broken.",
  },
  DNS_REFUSED: {
    area: "dns",
    meaning: "The resolver answered REFUSED (RFC 1035 §4.1.1): it will not resolve this query for this client.",
    remedy: "Use a resolver that serves this machine (--resolver system, or a public one); an open resolver that refuses may be rate limiting.",
  },
  DNS_FORMERR: {
    area: "dns",
    meaning: "The resolver answered FORMERR (RFC 1035 §4.1.1): it could not parse the query, which usually means it does not understand EDNS (RFC 6891).",
    remedy: "Use another --resolver; one that rejects EDNS cannot return DNSSEC data either.",
  },
  DNS_BAD_RESPONSE: {
    area: "dns",
    meaning: "The answer could not be used: a malformed DNS message, an unexpected rcode, an answer to another question, or a DNS-over-HTTPS body too large to be one.",
    remedy: "Try another --resolver; if every resolver gives it, the zone's servers send broken answers and their operator should be told.",
  },
  DNS_BAD_NAME: {
    area: "dns",
    meaning: "The name asked for cannot exist in DNS (RFC 1035 §2.3.4: over 253 octets, or a label over 63), so it was never sent.",
    remedy: "Check where the name came from (a record that builds it from a macro or a long selector); the record that produced it needs fixing.",
  },
  DNS_ERROR: {
    area: "dns",
    meaning: "A key lookup for a sample message's DKIM or ARC verification failed with an error that is not one of the resolver's coded ones.",
    remedy: "Run again; if it persists, report it with the message, since the resolver should have coded the failure.",
  },
  DNS_CNAME_CHAIN: {
    area: "dns",
    meaning: "The name is a CNAME chain that loops, or runs past 16 links (RFC 1034 §3.6.2), so it leads to no record: unknown, never \"no record\".",
    remedy: "Point the CNAME straight at the name that holds the record (one link is usual), and remove the loop; dig +trace shows the chain.",
  },
  DNS_NOT_VALIDATING: {
    area: "dns",
    meaning: "The resolver does not validate DNSSEC: the root's SOA came back without the AD bit (RFC 4035 §3.2.3), so no DNSSEC or DANE verdict can be given through it.",
    remedy: "Run again with a validating resolver: the default DNS-over-HTTPS one, --resolver 1.1.1.1, or a local unbound; a corporate or ISP resolver often does not validate.",
  },
  DNSSEC_NO_LOOKUPS: {
    area: "dnssec",
    meaning: "No DNS lookup was made to judge DNSSEC by, so the status is indeterminate.",
    remedy: "Nothing to fix in DNS; this points at a probe that asked nothing, so report it.",
  },
  HTTP_PRIVATE_ADDRESS: {
    area: "http",
    meaning: "The MTA-STS policy host resolves to a private, loopback or link-local address, so it was not connected to: a hostile domain must not make a scan reach the assessor's own network.",
    remedy: "Check the policy host's DNS; if you are assessing your own internal network on purpose, run again with --allow-private.",
  },
  HTTP_NO_ADDRESS: {
    area: "http",
    meaning: "The MTA-STS policy host mta-sts.<domain> has no A or AAAA record, so no sender can fetch the policy (RFC 8461 §3.3).",
    remedy: "Publish an address (or a CNAME to the hosting service) for mta-sts.<domain>, or remove the _mta-sts TXT record if MTA-STS is not wanted.",
  },
  HTTP_CONNECT_REFUSED: {
    area: "http",
    meaning: "Nothing listens on port 443 of the MTA-STS policy host: the connection was refused.",
    remedy: "Serve the policy over HTTPS on port 443 at mta-sts.<domain>, or point the name at the service that does.",
  },
  HTTP_TIMEOUT: {
    area: "http",
    meaning: "The MTA-STS policy fetch did not finish in time: no TLS connection, no response headers or no complete body within the time limit.",
    remedy: "Check that the policy host answers from the internet (firewall, CDN). On a slow network raise --dns-timeout: above 5000 ms the probes' time limit follows it. Senders give up too, and then use no policy.",
  },
  HTTP_NETWORK: {
    area: "http",
    meaning: "The MTA-STS policy fetch failed on the network in a way the server is not known to have caused (a reset connection, for one); the original code is in the message.",
    remedy: "Run again; if it persists, check the policy host and the path to it.",
  },
  HTTP_PROTOCOL: {
    area: "http",
    meaning: "The MTA-STS policy host did not answer in HTTP: the response could not be parsed.",
    remedy: "Check what serves port 443 at mta-sts.<domain>: it must be an HTTPS web server that returns the policy file.",
  },
  HTTP_REDIRECT: {
    area: "http",
    meaning: "The policy URL answered with a 3xx redirect, which senders must not follow (RFC 8461 §3.3), so for them there is no policy.",
    remedy: "Serve /.well-known/mta-sts.txt directly with 200 at mta-sts.<domain>; turn off HTTP-to-HTTPS or host-name redirects for that path.",
  },
  HTTP_STATUS: {
    area: "http",
    meaning: "The policy URL answered an HTTP status other than 200, and only 200 gives a policy (RFC 8461 §3.3).",
    remedy: "Publish the policy file at https://mta-sts.<domain>/.well-known/mta-sts.txt.",
  },
  HTTP_CONTENT_TYPE: {
    area: "http",
    meaning: "The policy is served with a media type other than text/plain (RFC 8461 §3.2).",
    remedy: "Set Content-Type: text/plain for mta-sts.txt on the web server or CDN.",
  },
  HTTP_BODY_TOO_LARGE: {
    area: "http",
    meaning: "The policy body is larger than this tool reads (64 KiB), which no real policy needs; reading stopped there.",
    remedy: "Check that the URL returns the policy file and not a web page; a policy is a few lines of text.",
  },
  HTTP_BODY_ENCODING: {
    area: "http",
    meaning: "The policy body is not valid UTF-8 text (RFC 8461 §3.2).",
    remedy: "Save mta-sts.txt as plain UTF-8 (or ASCII) text, without a byte-order mark from another encoding.",
  },
  SMTP_NO_ADDRESS: {
    area: "smtp",
    meaning: "The MX host has no A or AAAA address, so there is nothing to connect to and mail cannot be delivered to it.",
    remedy: "Publish addresses for the MX host, or remove it from the domain's MX records.",
  },
  SMTP_PRIVATE_ADDRESS: {
    area: "smtp",
    meaning: "The MX host resolves to a private, loopback or link-local address, so it was not connected to: a hostile domain must not make a scan reach the assessor's own network. Senders on the internet cannot reach it either.",
    remedy: "Publish the MX host's public address; if you are assessing your own internal network on purpose, run again with --allow-private.",
  },
  SMTP_CONNECT: {
    area: "smtp",
    meaning: "No TCP connection to port 25 of the MX address could be made: refused, unreachable, or (in the demo) no server stands for it.",
    remedy: "Check that port 25 outbound is open from this machine (many networks block it) and that the MX host accepts connections from the internet.",
  },
  SMTP_TIMEOUT: {
    area: "smtp",
    meaning: "The MX host did not connect, reply or finish the TLS handshake within the time limit.",
    remedy: "Check that outbound port 25 is not filtered here; for a slow server raise --smtp-timeout (5000 ms by default). A tarpit that greets late looks like this too.",
  },
  SMTP_RESET: {
    area: "smtp",
    meaning: "The MX host reset or closed the connection in the middle of the session (after the banner, or when the TLS handshake began) without an SMTP or TLS answer, even on a second try: nothing was learnt, so a reset is never taken as a refusal.",
    remedy: "Run again; if it persists, check what sits in front of the server on port 25: a firewall, load balancer or rate limit that drops sessions from this address.",
  },
  SMTP_PROTOCOL: {
    area: "smtp",
    meaning: "The server broke the SMTP dialogue (RFC 5321 §4.2): a line that is not a reply, a reply too long, or a changed code within a reply.",
    remedy: "Check what listens on port 25 of that address; a proxy or filter in front of the mail server can cause it.",
  },
  SMTP_REJECTED: {
    area: "smtp",
    meaning: "The server's greeting was not 220 (RFC 5321 §4.3.1): it refused the session before STARTTLS could be tried.",
    remedy: "Check whether the server rejects this machine's address (a blocklist or connection policy); probe from an address it accepts.",
  },
  SMTP_NO_STARTTLS: {
    area: "smtp",
    meaning: "The server does not offer STARTTLS (RFC 3207), or refused EHLO so no extension could be offered: mail to it travels unencrypted.",
    remedy: "Enable STARTTLS with a certificate on the mail server or gateway; MTA-STS and DANE require it.",
  },
  SMTP_STARTTLS_REFUSED: {
    area: "smtp",
    meaning: "The server advertised STARTTLS but answered the STARTTLS command with a code other than 220 (RFC 3207 §4).",
    remedy: "Check the server's TLS configuration (certificate and key installed, TLS enabled on the receive connector).",
  },
  TLS_HANDSHAKE: {
    area: "tls",
    meaning: "The TLS handshake failed: no protocol version or cipher in common, or the server broke off the handshake.",
    remedy: "Enable TLS 1.2 and 1.3 with current cipher suites on the server (RFC 8996 retires TLS 1.0 and 1.1); the message carries the OpenSSL reason.",
  },
  TLS_CERT_INVALID: {
    area: "tls",
    meaning: "The certificate does not chain to a trusted root for this name: expired, self-signed, an unknown issuer, a missing intermediate, or issued for another name.",
    remedy: "Install a certificate from a public CA for the host name with its full intermediate chain; for a private CA, pass it with --ca-file.",
  },
  TLS_CERT_NAME_MISMATCH: {
    area: "tls",
    meaning: "The MX host's certificate does not name the MX host (RFC 6125), so a sender that checks names, as MTA-STS requires, will not deliver.",
    remedy: "Get a certificate whose subject alternative names include the MX host name as it is published in the MX record.",
  },
  SPF_NO_RECORD: {
    area: "spf",
    meaning: "A name a gateway's egress list is read from publishes no SPF record, so the list of ranges it delivers from may be incomplete.",
    remedy: "Check the gateway catalogue entry (rules/data) against the vendor's current SPF include; the vendor may have renamed it.",
  },
  SPF_TOO_MANY_LOOKUPS: {
    area: "spf",
    meaning: "Reading a gateway's egress ranges needed more than 10 SPF records (the RFC 7208 §4.6.4 bound), so the list may be incomplete.",
    remedy: "Check the gateway catalogue entry against the vendor's current SPF include; a deeper tree is also one no receiver fully evaluates.",
  },
  DKIM_BAD_SELECTOR: {
    area: "dkim",
    meaning: "A selector to look up is not dot-separated DNS labels (RFC 6376 §3.1), so it was not looked up.",
    remedy: "Correct the --dkim-selector value, or the selector in the tenant's DKIM configuration it came from.",
  },
  MESSAGE_UNREADABLE: {
    area: "message",
    meaning: "The sample message file given with --message could not be read.",
    remedy: "Check the path and that this user may read the file.",
  },
  MESSAGE_NOT_RFC5322: {
    area: "message",
    meaning: "The sample message has no RFC 5322 header section with From, DKIM-Signature or ARC fields, so there is nothing to verify.",
    remedy: "Save the message with its full headers (an .eml file, \"show original\" or \"download message\"), not just its body.",
  },
  GRAPH_UNAUTHORIZED: {
    area: "tenant-graph",
    meaning: "Microsoft Graph refused the token (401): it carries no Graph permission this request needs.",
    remedy: "Grant the app the Graph permission the message names (Organization.Read.All or Domain.Read.All) and give admin consent.",
  },
  GRAPH_FORBIDDEN: {
    area: "tenant-graph",
    meaning: "Microsoft Graph would not answer the request (403): the app or user lacks the read permission the message names.",
    remedy: "Grant the permission the message names (Organization.Read.All or Domain.Read.All: application with admin consent, or delegated for a signed-in user).",
  },
  GRAPH_HTTP_ERROR: {
    area: "tenant-graph",
    meaning: "Microsoft Graph answered an HTTP error other than 401 or 403.",
    remedy: "Run again later; if it persists, the status and Graph's message are in the error.",
  },
  GRAPH_TIMEOUT: {
    area: "tenant-graph",
    meaning: "Microsoft Graph did not answer in time.",
    remedy: "Run again; check the proxy or firewall between this machine and Graph.",
  },
  GRAPH_NETWORK: {
    area: "tenant-graph",
    meaning: "Microsoft Graph could not be reached (no connection, a DNS failure, a TLS error).",
    remedy: "Check network access to the cloud's Graph endpoint (--cloud), any proxy, and its certificate.",
  },
  GRAPH_BAD_RESPONSE: {
    area: "tenant-graph",
    meaning: "Microsoft Graph answered without the \"value\" list a collection always has.",
    remedy: "Run again; if it persists, check --cloud-endpoints points at a real Graph service.",
  },
  GRAPH_EMPTY_RESULT: {
    area: "tenant-graph",
    meaning: "GET /organization returned no object, so the tenant's name and verified domains are unknown.",
    remedy: "Check that the app is consented in the tenant being assessed (--tenant).",
  },
  EXO_UNAUTHORIZED: {
    area: "tenant-exchange",
    meaning: "Exchange Online refused the token (401): the app lacks the Exchange permission (Exchange.ManageAsApp for an app, Exchange.Manage delegated for a user).",
    remedy: "Grant the permission the message names on Office 365 Exchange Online and give admin consent.",
  },
  EXO_FORBIDDEN: {
    area: "tenant-exchange",
    meaning: "Exchange Online would not run the cmdlet (403): the identity holds no role that may read Exchange configuration.",
    remedy: "Assign the app's service principal (or the user) the Global Reader role, the least-privilege read-only choice named in the message.",
  },
  EXO_THROTTLED: {
    area: "tenant-exchange",
    meaning: "Exchange Online answered 429 (too many requests) on every try, Retry-After included.",
    remedy: "Run again later, when other tools are not using the tenant's Exchange admin API.",
  },
  EXO_UNAVAILABLE: {
    area: "tenant-exchange",
    meaning: "Exchange Online answered 503 or 504 on every try: the service was unavailable.",
    remedy: "Run again later; check the Microsoft 365 service health page.",
  },
  EXO_HTTP_ERROR: {
    area: "tenant-exchange",
    meaning: "Exchange Online answered an HTTP error that has no code of its own; its status and message are in the error.",
    remedy: "Read Exchange's message in the error; run again, and if it persists, run the cmdlet in ExchangeOnlineManagement to compare.",
  },
  EXO_TIMEOUT: {
    area: "tenant-exchange",
    meaning: "Exchange Online did not answer the cmdlet in time.",
    remedy: "Run again; large tenants answer slowly, so check the proxy or firewall if it persists.",
  },
  EXO_NETWORK: {
    area: "tenant-exchange",
    meaning: "The Exchange Online admin API could not be reached (no connection, a DNS failure, a TLS error).",
    remedy: "Check network access to the cloud's Exchange endpoint (--cloud), any proxy, and its certificate.",
  },
  EXO_BAD_RESPONSE: {
    area: "tenant-exchange",
    meaning: "Exchange Online's answer could not be read: empty, not JSON, without a \"value\" list, or larger than the tool accepts.",
    remedy: "Run again; if it persists, use the PowerShell bundle (--tenant-bundle) for this tenant instead.",
  },
  EXO_EMPTY_RESULT: {
    area: "tenant-exchange",
    meaning: "A cmdlet that always returns one object (Get-OrganizationConfig, Get-ArcConfig, the per-domain DNSSEC and DANE status) returned nothing, so its settings are unknown.",
    remedy: "Run the cmdlet in ExchangeOnlineManagement for the same tenant and domain; a domain not verified in Exchange returns nothing.",
  },
  EXO_CMDLET_REFUSED: {
    area: "tenant-exchange",
    meaning: "The tool refused to send a cmdlet or parameter outside its read-only allow-list, so nothing was asked of Exchange.",
    remedy: "Nothing to change in the tenant: this is the tool's safety check, so report it.",
  },
  AUTH_TENANT_NOT_FOUND: {
    area: "auth",
    meaning: "Entra ID does not know the tenant (AADSTS90002, 900023, 90072).",
    remedy: "Check --tenant (the directory id or a verified domain) and --cloud (a government cloud signs in elsewhere).",
  },
  AUTH_CLIENT_NOT_FOUND: {
    area: "auth",
    meaning: "The app (--client-id) is not registered in this tenant, or not consented there (AADSTS700016).",
    remedy: "Check --client-id, and consent the app in the tenant being assessed.",
  },
  AUTH_INVALID_CREDENTIAL: {
    area: "auth",
    meaning: "Entra ID refused the app's credential: a wrong or expired secret, or a certificate not uploaded to the app registration.",
    remedy: "Upload the certificate given with --certificate to the app registration, or set a current AZURE_CLIENT_SECRET.",
  },
  AUTH_UNREACHABLE: {
    area: "auth",
    meaning: "The sign-in endpoint could not be reached, or did not answer in time.",
    remedy: "Check network access to the cloud's login endpoint (--cloud) and any proxy.",
  },
  AUTH_FAILED: {
    area: "auth",
    meaning: "No token could be had for one resource (Graph or Exchange), while sign-in itself worked; Entra ID's reason is in the message.",
    remedy: "Read the AADSTS code in the message: usually the resource's permission is not granted or consented for the app.",
  },
  BUNDLE_MISSING: {
    area: "bundle",
    meaning: "The tenant bundle has no output for this cmdlet or Graph request, so it was not collected.",
    remedy: "Make the bundle again with scripts/Export-ExoPosture.ps1 (with -IncludeGraph for the Graph sections).",
  },
  BUNDLE_CMDLET_FAILED: {
    area: "bundle",
    meaning: "The cmdlet failed when the bundle was made; its error is in the message.",
    remedy: "Fix what the message says (often a missing role for the account that ran the script) and make the bundle again.",
  },
  NOT_COLLECTED: {
    area: "internal",
    meaning: "Not run, because what it depends on is unknown (the per-domain cmdlets need the accepted domains; the code of that failure is in the message), or not collected by the older exo-posture that wrote the evidence.",
    remedy: "Fix the error of the section it names (usually Get-AcceptedDomain); this one then goes away. For older evidence, collect the tenant again.",
  },
  NOT_VISIBLE: {
    area: "internal",
    meaning: "The setting that decides it lives in a service this tool cannot read: for one, mail leaves Exchange Online through a smart host (a gateway), and whether the gateway forces TLS onwards is set there.",
    remedy: "Check the setting in that service's console (the message names the service and the hosts), then record what you found in the --config parameter the message names; the finding then reports it as recorded.",
  },
  NOT_CHECKED: {
    area: "internal",
    meaning: "Deliberately not checked, because a bound was reached (for one, more DMARC report destinations than are verified).",
    remedy: "The message says which bound; fewer entries in the record let every one be checked.",
  },
  RUN_DEADLINE: {
    area: "internal",
    meaning: "The run's --deadline passed before this was found out: the step in flight was cut off, or never started. Everything that finished before is in the reports as usual.",
    remedy: "Give the run more time (--deadline), or split the domain list into shards; --smtp-timeout and --dns-timeout shorten what one slow server can cost.",
  },
  RUN_INTERRUPTED: {
    area: "internal",
    meaning: "The run was interrupted (Ctrl-C, or SIGINT / SIGTERM from a scheduler) before this was found out: the step in flight was cut off, or never started, and a domain not yet reached has every check here. The reports hold what finished before; the run is partial.",
    remedy: "Run again to assess what is missing: the same domain list, or only the domains listed with this code (a domains file of them, or --shard to split a long list over several runs).",
  },
  EVIDENCE_INCONSISTENT: {
    area: "internal",
    meaning: "The evidence file contradicts itself: a domain or MX host is filed under another name, or a domain names an MX host the file holds no evidence for. Such a file was edited, truncated or merged by hand, so what it says of that subject cannot be judged.",
    remedy: "Evaluate the evidence.json exactly as assess wrote it, or run assess again; the message names the subject and the disagreement.",
  },
  RULE_UNDECIDED: {
    area: "internal",
    meaning: "The evidence was collected, but what it holds does not let the rule decide: a setting the tenant left unset, records that contradict each other, or a list that may be incomplete (the finding's message says which).",
    remedy: "Read the finding's message: fix or set what it names, or collect the missing part (a bundle from Export-ExoPosture.ps1 holds every field), then run again.",
  },
  RULE_BUDGET: {
    area: "internal",
    meaning: "The rule's condition did more work than one evaluation may (a million loop steps, or two seconds), so it was stopped: its loops grow too fast with the evidence (nested .all() or .exists() over lists).",
    remedy: "Rewrite the condition so its work grows with the evidence, not with its powers (flatten nested loops, bind an intermediate list with let:); if it is a shipped rule, report it.",
  },
  INTERNAL: {
    area: "internal",
    meaning: "Something failed that the tool has no code for; when the failure carried a foreign code (Node's ECONNRESET, say), it leads the message.",
    remedy: "Run again; if it persists, report it with the message, since a failure the tool knows should have a code of its own.",
  },
};

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERRORS, code);
}

/**
 * The catalogue code that explains a finding's message: the first code the message names (rules
 * and the engine write the evidence error's code into it), or RULE_UNDECIDED when it names none.
 */
export function errorCodeIn(message: string): ErrorCode {
  for (const m of message.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) if (isErrorCode(m[0])) return m[0];
  return "RULE_UNDECIDED";
}

export function describeError(code: ErrorCode): { meaning: string; remedy: string } {
  const { meaning, remedy } = ERRORS[code];
  return { meaning, remedy };
}
