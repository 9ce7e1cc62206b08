// Fetching the MTA-STS policy exactly as RFC 8461 §3.3 says a sender does: HTTPS GET of
// https://mta-sts.<domain>/.well-known/mta-sts.txt, the certificate valid for that name, 3xx
// never followed, 200 only, media type text/plain (§3.2), and bounded in time and size.
// What the server did wrong is a `failure` (a fact about the domain); what kept us from finding
// out (a timeout, a DNS failure, a dropped connection) is an `error` (unknown, never "no policy").
import { Agent, request } from "undici";
import { errorOf } from "../evidence-of.js";
import type { EvidenceError } from "../../evidence/common.js";
import type { MtaStsFetch } from "../../evidence/mtasts.js";
import { TOOL } from "../../version.js";
import type { ProbeContext } from "../context.js";
import { cutOffCode, deadlineMessage } from "../deadline.js";
import { policyConnector, type TlsSeen } from "./connector.js";
import { classify } from "./fetch-errors.js";
import { addressesOf, codedError } from "./lookup.js";
import { parsePolicy } from "./policy.js";

/** This tool's cap on a policy body: no real policy comes near it, and reading stops there. */
export const POLICY_BODY_LIMIT = 64 * 1024;

export const policyHost = (domain: string) => `mta-sts.${domain}`;
export const policyUrl = (domain: string) => `https://${policyHost(domain)}/.well-known/mta-sts.txt`;

export function notFetched(domain: string): MtaStsFetch {
  return { error: null, attempted: false, url: policyUrl(domain), addresses: [], failure: null, certificate: null, tlsVersion: null, response: null, body: null, parsed: null };
}

export async function fetchPolicy(domain: string, ctx: ProbeContext): Promise<MtaStsFetch> {
  const url = policyUrl(domain);
  const out: MtaStsFetch = { ...notFetched(domain), attempted: true };
  const host = await addressesOf(ctx.resolver, policyHost(domain));
  out.addresses = host.list;
  if (host.error) return { ...out, error: errorOf(host.error) };
  if (host.list.length === 0) {
    return { ...out, failure: { code: "HTTP_NO_ADDRESS", message: `${policyHost(domain)} has no A or AAAA record, so senders cannot fetch the policy` } };
  }

  const seen: TlsSeen = { certificate: null, tlsVersion: null };
  const agent = new Agent({
    connect: policyConnector({ resolver: ctx.resolver, ca: ctx.ca, port: ctx.httpsPort, timeoutMs: ctx.timeoutMs, seen, ...(ctx.allowPrivate !== undefined ? { allowPrivate: ctx.allowPrivate } : {}) }),
    headersTimeout: ctx.timeoutMs,
    bodyTimeout: ctx.timeoutMs,
    pipelining: 0,
  });
  // One step to connect and shake hands, one for the request and the whole body: a server that
  // sends a byte now and then cannot hold the run for longer.
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort(codedError("HTTP_TIMEOUT", `the policy fetch took longer than ${2 * ctx.timeoutMs} ms`));
  }, 2 * ctx.timeoutMs);
  // The run deadline cuts the fetch off as well (RUN_DEADLINE, src/probe/deadline.ts).
  const onDeadline = () => deadline.abort(ctx.signal?.reason);
  ctx.signal?.addEventListener("abort", onDeadline, { once: true });
  try {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    const res = await request(url, {
      method: "GET",
      dispatcher: agent,
      signal: deadline.signal,
      // RFC 8461 §3.3: HTTP 3xx redirects MUST NOT be followed.
      maxRedirections: 0,
      headers: { "user-agent": `${TOOL.name}/${TOOL.version}`, accept: "text/plain" },
    });
    const contentType = headerOf(res.headers, "content-type");
    const location = headerOf(res.headers, "location");
    const response = { status: res.statusCode, contentType, location, bytesRead: 0 };
    const withResponse = (failure: EvidenceError | null, body: string | null = null) => {
      const tls = { certificate: seen.certificate, tlsVersion: seen.tlsVersion };
      return { ...out, ...tls, response, failure, body, parsed: body === null ? null : parsePolicy(body) };
    };
    if (res.statusCode >= 300 && res.statusCode < 400) {
      discard(res.body);
      return withResponse({ code: "HTTP_REDIRECT", message: `${url} answered ${res.statusCode} (to ${location ?? "no Location"}); RFC 8461 §3.3: redirects MUST NOT be followed` });
    }
    if (res.statusCode !== 200) {
      discard(res.body);
      return withResponse({ code: "HTTP_STATUS", message: `${url} answered ${res.statusCode}; RFC 8461 §3.3: only 200 gives a policy` });
    }
    // RFC 8461 §3.2: the media type is text/plain (parameters such as charset are allowed).
    const mediaType = contentType?.split(";")[0]!.trim().toLowerCase() ?? null;
    if (mediaType !== "text/plain") {
      discard(res.body);
      return withResponse({ code: "HTTP_CONTENT_TYPE", message: `${url} is served as ${contentType ?? "no Content-Type"}, not text/plain` });
    }
    const declared = Number(headerOf(res.headers, "content-length") ?? NaN);
    if (declared > POLICY_BODY_LIMIT) {
      discard(res.body);
      return withResponse({ code: "HTTP_BODY_TOO_LARGE", message: `${url} declares ${declared} bytes; policies are read up to ${POLICY_BODY_LIMIT}` });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of res.body) {
      response.bytesRead += (chunk as Buffer).length;
      if (response.bytesRead > POLICY_BODY_LIMIT) {
        discard(res.body);
        return withResponse({ code: "HTTP_BODY_TOO_LARGE", message: `${url} sent more than ${POLICY_BODY_LIMIT} bytes; reading stopped there` });
      }
      chunks.push(chunk as Buffer);
    }
    let body: string;
    try {
      body = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
    } catch {
      return withResponse({ code: "HTTP_BODY_ENCODING", message: `${url} is not UTF-8 text` });
    }
    return withResponse(null, body);
  } catch (err) {
    const tls = { certificate: seen.certificate, tlsVersion: seen.tlsVersion };
    if (ctx.signal?.aborted) return { ...out, ...tls, error: { code: cutOffCode(ctx.signal), message: `the policy fetch of ${url}: ${deadlineMessage(ctx.signal)}` } };
    if (timedOut) return { ...out, ...tls, error: { code: "HTTP_TIMEOUT", message: `the policy fetch of ${url} took longer than ${2 * ctx.timeoutMs} ms` } };
    const { kind, error } = classify(err, url);
    return kind === "failure" ? { ...out, ...tls, failure: error } : { ...out, ...tls, error };
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener("abort", onDeadline);
    await agent.destroy().catch(() => {});
  }
}

/** Stops reading a body; the error undici then raises on the stream has nobody else to go to. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on("error", () => {});
  body.destroy();
}

function headerOf(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
}
