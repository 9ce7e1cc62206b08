// Reading SMTP replies (RFC 5321 §4.2) from a socket, with every limit a hostile or broken server
// could push against: a deadline per reply, a cap on line length, on lines per reply and on bytes.
// A server that talks slowly or never stops talking ends the read with a coded error, not a hang.
import type { Duplex } from "node:stream";
import type { ErrorCodes } from "../../evidence/errors.js";

export type SmtpErrorCode = ErrorCodes<
  | "SMTP_CONNECT"
  | "SMTP_PRIVATE_ADDRESS"
  | "SMTP_TIMEOUT"
  | "SMTP_PROTOCOL"
  | "SMTP_REJECTED"
  | "SMTP_NO_STARTTLS"
  | "SMTP_STARTTLS_REFUSED"
  | "SMTP_RESET"
  | "TLS_HANDSHAKE"
  | "RUN_DEADLINE"
  | "RUN_INTERRUPTED"
>;

export class SmtpProbeError extends Error {
  override readonly name = "SmtpProbeError";
  constructor(
    readonly code: SmtpErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Reply {
  code: number;
  /** Text of each line, without the code and separator. */
  lines: string[];
}

export interface ReplyLimits {
  /** RFC 5321 §4.5.3.1.5 says 512 octets a reply line; servers exceed it, so allow more, but not without end. */
  maxLineBytes: number;
  maxLines: number;
  maxReplyBytes: number;
}

export const DEFAULT_LIMITS: ReplyLimits = { maxLineBytes: 2048, maxLines: 100, maxReplyBytes: 32 * 1024 };

export interface ReplyReader {
  /** The next complete reply, within timeoutMs of the call. */
  next(timeoutMs: number, step: string): Promise<Reply>;
  /** Stops listening; returns bytes received after the last reply (RFC 3207 §4.2: must be none before TLS). */
  detach(): number;
}

export function replyReader(socket: Duplex, limits: ReplyLimits = DEFAULT_LIMITS): ReplyReader {
  let buf: Buffer = Buffer.alloc(0);
  let lines: string[] = [];
  let replyBytes = 0;
  let code = -1;
  let failure: SmtpProbeError | null = null;
  const ready: Reply[] = [];
  let waiter: (() => void) | null = null;

  const fail = (e: SmtpProbeError): false => {
    failure ??= e;
    waiter?.();
    return false;
  };
  const onData = (chunk: Buffer) => {
    if (failure) return;
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a)) {
      const raw = buf.subarray(0, nl).toString("latin1").replace(/\r$/, "");
      buf = buf.subarray(nl + 1);
      if (!takeLine(raw)) return;
    }
    if (buf.length > limits.maxLineBytes) fail(new SmtpProbeError("SMTP_PROTOCOL", `a reply line longer than ${limits.maxLineBytes} bytes`));
    waiter?.();
  };
  // RFC 5321 §4.2.1: "ddd-text" continues a reply, "ddd text" (or "ddd") ends it; every line has the same code.
  const takeLine = (raw: string): boolean => {
    replyBytes += raw.length + 2;
    if (raw.length > limits.maxLineBytes) return fail(new SmtpProbeError("SMTP_PROTOCOL", `a reply line longer than ${limits.maxLineBytes} bytes`));
    const m = /^(\d{3})([ -]|$)(.*)$/.exec(raw);
    if (!m) return fail(new SmtpProbeError("SMTP_PROTOCOL", `not an SMTP reply line: ${printable(raw)}`));
    const lineCode = Number(m[1]);
    if (code !== -1 && lineCode !== code) return fail(new SmtpProbeError("SMTP_PROTOCOL", `reply code changed within a multi-line reply (${code} then ${lineCode})`));
    code = lineCode;
    lines.push(m[3]!);
    if (lines.length > limits.maxLines || replyBytes > limits.maxReplyBytes) {
      return fail(new SmtpProbeError("SMTP_PROTOCOL", `a reply of more than ${limits.maxLines} lines or ${limits.maxReplyBytes} bytes`));
    }
    if (m[2] !== "-") {
      ready.push({ code, lines });
      lines = [];
      replyBytes = 0;
      code = -1;
    }
    return true;
  };
  // A connection that ends or fails mid-dialogue said nothing: unknown, never an answer.
  const onEnd = () => fail(new SmtpProbeError("SMTP_RESET", "the server closed the connection mid-dialogue"));
  const onError = (e: Error) => fail(new SmtpProbeError("SMTP_RESET", `the connection failed mid-dialogue: ${e.message}`));
  socket.on("data", onData);
  socket.on("end", onEnd);
  socket.on("close", onEnd);
  socket.on("error", onError);

  return {
    async next(timeoutMs, step) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const r = ready.shift();
        if (r) return r;
        if (failure) throw failure;
        const left = deadline - Date.now();
        if (left <= 0) throw new SmtpProbeError("SMTP_TIMEOUT", `no complete reply to ${step} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiter = () => {
            clearTimeout(t);
            waiter = null;
            resolve();
          };
        });
      }
    },
    detach() {
      socket.off("data", onData);
      socket.off("end", onEnd);
      socket.off("close", onEnd);
      socket.off("error", onError);
      return buf.length + ready.length;
    },
  };
}

function printable(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}
