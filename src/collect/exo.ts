// The Exchange Online admin API, the way ExchangeOnlineManagement v3 itself calls it (docs/exchange-online-api.md):
// POST {exchange}/adminapi/beta/{tenant}/InvokeCommand with one cmdlet from the allow-list. Every
// answer that is not a clean list becomes a CollectError with a stable code, or a warning and
// `possiblyTruncated` on the result, so the evidence never claims more than Microsoft said.
import { type Dispatcher, request } from "undici";
import { assertAllowed } from "./allow-list.js";
import { CollectError, exoForbidden, exoUnauthorized, type Identity } from "./errors.js";
import { isTimeout, networkDetail } from "./http.js";
import { DEFAULT_RETRY, nextWait, RETRY_STATUSES, retryAfterMs, type RetryPolicy } from "./retry.js";

export interface ExoClientOptions {
  /** Origin of the admin API (CloudEndpoints.exchange). */
  exchange: string;
  tenantId: string;
  identity: Identity;
  getToken: () => Promise<string>;
  dispatcher: Dispatcher;
  retry?: Partial<RetryPolicy>;
  /** Pages followed through @odata.nextLink before giving up and saying so. */
  maxPages?: number;
  maxBodyBytes?: number;
  /** One request, from sending to the last byte of the answer (default 120000 ms): a server that trickles its answer is cut off. */
  requestTimeoutMs?: number;
}

export interface CmdletResult {
  objects: Record<string, unknown>[];
  warnings: string[];
  possiblyTruncated: boolean;
}

export interface ExoClient {
  invoke(cmdlet: string, parameters?: Record<string, string | number | boolean>): Promise<CmdletResult>;
}

// ExchangeOnlineManagement sends this routing hint for app-only sessions (whether it is required: UNVERIFIED).
const SYSTEM_MAILBOX = "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}";

export function createExoClient(o: ExoClientOptions): ExoClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...o.retry };
  const maxPages = o.maxPages ?? 20;
  const maxBody = o.maxBodyBytes ?? 64 * 1024 * 1024;
  const endpoint = `${o.exchange}/adminapi/beta/${encodeURIComponent(o.tenantId)}/InvokeCommand`;

  async function post(url: string, body: string, cmdlet: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${await o.getToken()}`,
        "content-type": "application/json",
        accept: "application/json",
        prefer: "odata.maxpagesize=1000",
      };
      if (o.identity === "app") headers["x-anchormailbox"] = `APP:${SYSTEM_MAILBOX}@${o.tenantId}`;
      let res: Dispatcher.ResponseData;
      let text: string;
      try {
        res = await request(url, { method: "POST", headers, body, dispatcher: o.dispatcher, signal: AbortSignal.timeout(o.requestTimeoutMs ?? 120_000) });
        text = await readCapped(res.body, maxBody);
      } catch (err) {
        if (err instanceof CollectError) throw err;
        if (isTimeout(err)) throw new CollectError("EXO_TIMEOUT", `${cmdlet}: Exchange Online did not answer in time (${networkDetail(err)})`);
        throw new CollectError("EXO_NETWORK", `${cmdlet}: cannot reach Exchange Online at ${o.exchange} (${networkDetail(err)})`);
      }
      const status = res.statusCode;
      if (status >= 200 && status < 300) return text;
      if (RETRY_STATUSES.has(status)) {
        const wait = nextWait(policy, attempt, retryAfterMs(res.headers["retry-after"]));
        if (wait !== null) {
          await policy.sleep(wait);
          continue;
        }
        const code = status === 429 ? "EXO_THROTTLED" : "EXO_UNAVAILABLE";
        throw new CollectError(code, `${cmdlet}: Exchange Online answered ${status} ${attempt} time(s)${res.headers["retry-after"] ? ` (Retry-After: ${String(res.headers["retry-after"])})` : ""}; gave up${errorDetail(text) ? `: ${errorDetail(text)}` : ""}`);
      }
      if (status === 401) throw exoUnauthorized(o.identity, errorDetail(text));
      if (status === 403) {
        const detail = isNulBody(text)
          ? "the answer was 403 with a body of NUL bytes, which Exchange sends when the identity may not run the cmdlet"
          : errorDetail(text);
        throw exoForbidden(o.identity, cmdlet, detail);
      }
      throw new CollectError("EXO_HTTP_ERROR", `${cmdlet}: Exchange Online answered HTTP ${status}${errorDetail(text) ? `: ${errorDetail(text)}` : ""}`);
    }
  }

  return {
    async invoke(cmdlet, parameters = {}) {
      // Before anything else: a refused cmdlet costs no token and no request.
      assertAllowed(cmdlet, parameters);
      // Send {} and never null: the admin API rejects a null Parameters (docs/exchange-online-api.md).
      const body = JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } });
      const result: CmdletResult = { objects: [], warnings: [], possiblyTruncated: false };
      let url = endpoint;
      for (let page = 1; ; page++) {
        let text: string;
        try {
          text = await post(url, body, cmdlet);
        } catch (err) {
          if (page === 1) throw err;
          // Replaying nextLink on the beta API is reported to fail (docs/exchange-online-api.md): keep what we have, say so.
          result.warnings.push(`could not follow @odata.nextLink (${(err as Error).message}); the list may be incomplete`);
          result.possiblyTruncated = true;
          return result;
        }
        const next = readPage(text, cmdlet, result);
        if (!next) break;
        if (new URL(next, endpoint).origin !== new URL(endpoint).origin) {
          // Never send the token anywhere but the admin API.
          result.warnings.push(`@odata.nextLink points away from ${new URL(endpoint).origin}; not followed`);
          result.possiblyTruncated = true;
          break;
        }
        if (page >= maxPages) {
          result.warnings.push(`stopped after ${maxPages} pages with @odata.nextLink still present`);
          result.possiblyTruncated = true;
          break;
        }
        url = new URL(next, endpoint).toString();
      }
      if (result.warnings.length > 0) result.possiblyTruncated = true;
      return result;
    },
  };
}

/** One page into `into`; returns the nextLink, if any. */
function readPage(text: string, cmdlet: string, into: CmdletResult): string | null {
  if (isNulBody(text)) throw new CollectError("EXO_BAD_RESPONSE", `${cmdlet}: the answer had no content`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CollectError("EXO_BAD_RESPONSE", `${cmdlet}: the answer is not JSON (${(err as Error).message}): ${printable(text).slice(0, 80)}`);
  }
  const page = json as { value?: unknown; "@odata.nextLink"?: unknown; "@adminapi.warnings"?: unknown };
  if (page === null || typeof page !== "object" || Array.isArray(page)) {
    throw new CollectError("EXO_BAD_RESPONSE", `${cmdlet}: the answer is not an object with a "value" list`);
  }
  // An empty result comes back as `value` missing, `value: null` or `value: []` (public captures:
  // CIPP's New-ExoRequest.ps1 returns `$ReturnedData.value`, $null when absent; ScubaGear's
  // EXORestHelper.psm1 likewise): each is an empty list. Anything else in `value` is not.
  const value = page.value === undefined || page.value === null ? [] : page.value;
  if (!Array.isArray(value)) throw new CollectError("EXO_BAD_RESPONSE", `${cmdlet}: "value" is ${typeof value}, not a list`);
  for (const item of value) {
    if (item !== null && typeof item === "object" && !Array.isArray(item)) into.objects.push(item as Record<string, unknown>);
    else {
      into.warnings.push(`an item of the answer was not an object (${typeof item}); skipped`);
    }
  }
  const warnings = page["@adminapi.warnings"];
  if (typeof warnings === "string" && warnings.trim() !== "") into.warnings.push(warnings.trim());
  if (Array.isArray(warnings)) into.warnings.push(...warnings.map((w) => (typeof w === "string" ? w : JSON.stringify(w))));
  const next = page["@odata.nextLink"];
  return typeof next === "string" && next !== "" ? next : null;
}

/**
 * The admin API's own words: error.message is usually just "Invalid Operation" (docs/exchange-online-api.md).
 * The reason is in `error.details[].message`, written "|Microsoft.Exchange.…Exception|text" (the
 * .NET type between bars, then the text: shown without the type), else in the OData inner error,
 * `error.innererror.internalexception.message` (lower case in the OData JSON format; CIPP reads
 * `internalException`, so either case is taken).
 */
export function errorDetail(text: string): string {
  if (isNulBody(text)) return "";
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return printable(text).slice(0, 200);
  }
  const e = field(body, "error");
  const details = (Array.isArray(field(e, "details")) ? (field(e, "details") as unknown[]) : [])
    .map((d) => field(d, "message"))
    .filter((m): m is string => typeof m === "string" && m.trim() !== "")
    .map(withoutTypePrefix);
  const inner = field(field(field(e, "innererror"), "internalexception"), "message");
  const message = field(e, "message");
  const best = details.length > 0 ? [...new Set(details)].join("; ") : typeof inner === "string" && inner !== "" ? withoutTypePrefix(inner) : typeof message === "string" ? message : "";
  return printable(best).slice(0, 500);
}

/** "|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't…" → the text. */
function withoutTypePrefix(m: string): string {
  const typed = /^\s*\|[\w.`+]+\|\s*/.exec(m);
  return typed ? m.slice(typed[0].length) : m;
}

/** A property of a JSON object, its name matched case-insensitively (OData writers differ). */
function field(obj: unknown, name: string): unknown {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return undefined;
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : (obj as Record<string, unknown>)[key];
}

function isNulBody(text: string): boolean {
  return /^[\0\s]*$/.test(text);
}

/** Control characters out, so a hostile body cannot rewrite a terminal or a report. */
function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

async function readCapped(body: Dispatcher.ResponseData["body"], max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.destroy();
      throw new CollectError("EXO_BAD_RESPONSE", `the answer is larger than ${max} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
