// A sample message (assess --message <file.eml>): DKIM signatures (RFC 6376 §6) and the ARC chain
// (RFC 8617 §5.2) verified by mailauth 4.x (the line that supports Node 20) with keys fetched through
// the run's resolver, plus who sealed it last and what that sealer recorded. A DNS failure during
// verification makes the result unknown (an evidence error), never pass or fail.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { arc as verifyArc } from "mailauth/lib/arc/index.js";
import { dkimVerify } from "mailauth/lib/dkim/verify.js";
import { errorOf } from "../evidence-of.js";
import { type MessageEvidence, NOT_RECEIVED } from "../../evidence/message.js";
import type { ProbeContext } from "../context.js";
import { exchangeOnlineOf } from "./exchange-online.js";
import { headerFields, parseArcAuthenticationResults, tagList } from "./headers.js";
import { mailauthResolver } from "./resolver.js";

/** RFC 8301 §3.2: verifiers must not accept RSA keys shorter than 1024 bits. */
const MIN_KEY_BITS = 1024;

export async function probeMessageFile(file: string, ctx: ProbeContext): Promise<MessageEvidence> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return emptyMessage(file, Buffer.alloc(0), { code: "MESSAGE_UNREADABLE", message: `cannot read ${file}: ${(err as Error).message}` });
  }
  return probeMessage(file, bytes, ctx);
}

export async function probeMessage(file: string, bytes: Buffer, ctx: ProbeContext): Promise<MessageEvidence> {
  const fields = headerFields(bytes);
  if (fields.length === 0 || !fields.some((f) => f.name === "from" || f.name.startsWith("arc-") || f.name === "dkim-signature")) {
    return emptyMessage(file, bytes, { code: "MESSAGE_NOT_RFC5322", message: `${file} has no RFC 5322 header section with From, DKIM-Signature or ARC fields` });
  }
  const base = emptyMessage(file, bytes, null);
  const field = (name: string) => fields.find((f) => f.name === name)?.value ?? null;
  base.from = field("from");
  base.subject = field("subject");
  base.messageId = field("message-id");
  base.exchangeOnline = exchangeOnlineOf(fields);

  const seals = fields
    .filter((f) => f.name === "arc-seal")
    .map((f) => tagList(f.value))
    .map((t) => ({ instance: Number(t.i ?? NaN), domain: t.d?.toLowerCase() ?? null, selector: t.s ?? null, cv: t.cv?.toLowerCase() ?? null }))
    .filter((s) => Number.isInteger(s.instance))
    .sort((a, b) => a.instance - b.instance);
  const aars = fields.filter((f) => f.name === "arc-authentication-results").map((f) => ({ raw: f.value, ...parseArcAuthenticationResults(f.value) }));
  const top = seals.at(-1) ?? null;
  const topAar = top ? (aars.find((a) => a.instance === top.instance) ?? null) : null;
  base.arc = {
    ...base.arc,
    instances: seals.length,
    sealer: top?.domain ?? null,
    seals,
    authenticationResults: topAar ? { instance: topAar.instance, raw: topAar.raw, authservId: topAar.authservId, results: topAar.results } : null,
  };

  const dns = mailauthResolver(ctx.resolver);
  try {
    const dkim = await dkimVerify(bytes, { resolver: dns.resolve, minBitLength: MIN_KEY_BITS } as never);
    const signatures = (dkim.results ?? [])
      .filter((r) => r.signingDomain)
      .map((r) => ({
        domain: r.signingDomain ?? null,
        selector: r.selector ?? null,
        algorithm: (r as { algo?: string }).algo ?? null,
        result: String(r.status?.result ?? "none"),
        comment: r.status?.comment ? String(r.status.comment) : null,
      }));
    const dkimFailures = dns.failures.filter((f) => signatures.some((s) => f.name === `${s.selector}._domainkey.${s.domain}`));
    base.dkim = { error: dkimFailures[0] ? { code: dkimFailures[0].code, message: `DKIM key lookup failed: ${dkimFailures[0].message}` } : null, signatures };

    const before = dns.failures.length;
    const result = await verifyArc(dkim.arc as never, { resolver: dns.resolve, minBitLength: MIN_KEY_BITS } as never);
    const status = (result as { status?: { result?: string; comment?: string } }).status ?? {};
    const arcResult = status.result === "pass" ? "pass" : status.result === "fail" ? "fail" : "none";
    const arcFailure = dns.failures.slice(before).concat(dns.failures.filter((f) => seals.some((s) => f.name === `${s.selector}._domainkey.${s.domain}`)))[0];
    base.arc = {
      ...base.arc,
      result: arcResult,
      comment: status.comment ?? null,
      // A seal whose key could not be fetched is unknown, not failed.
      error: arcFailure && arcResult !== "pass" ? { code: arcFailure.code, message: `ARC key lookup failed: ${arcFailure.message}` } : null,
    };
  } catch (err) {
    const e = errorOf(err);
    base.dkim = { ...base.dkim, error: base.dkim.error ?? e };
    base.arc = { ...base.arc, error: e };
  }
  base.dnsErrors = dns.failures;
  return base;
}

function emptyMessage(file: string, bytes: Buffer, error: MessageEvidence["error"]): MessageEvidence {
  return {
    error,
    file,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    sizeBytes: bytes.length,
    from: null,
    subject: null,
    messageId: null,
    dkim: { error: null, signatures: [] },
    arc: { error: null, result: "none", comment: null, instances: 0, sealer: null, seals: [], authenticationResults: null },
    exchangeOnline: { ...NOT_RECEIVED },
    dnsErrors: [],
  };
}
