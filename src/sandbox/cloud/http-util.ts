// Small helpers the fake cloud's three servers share: read a capped body, answer in JSON.
import type { IncomingMessage, ServerResponse } from "node:http";

export async function readBody(req: IncomingMessage, max = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
  return status;
}

export function sendRaw(res: ServerResponse, status: number, body: Buffer | string, headers: Record<string, string> = {}): number {
  res.writeHead(status, { "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
  return status;
}

export function bearerOf(req: IncomingMessage): string | null {
  const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
  return m ? m[1]! : null;
}

// Unref'd: a fault that holds an answer back for minutes must not hold the test process with it.
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
