// When Microsoft says "later" (429, 503, 504), wait as long as Retry-After asks, but only a bounded
// number of times and never longer than a cap: a run must end, and a long wait is worth an error
// that says so rather than a tool that seems to hang.

export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The longest single wait; a longer Retry-After ends the retries. */
  maxWaitMs: number;
  /** Wait when the answer names none: doubled each time. */
  baseWaitMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  maxWaitMs: 60_000,
  baseWaitMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP-date. Null when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v.trim() === "") return null;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** How long to wait before try number `attempt + 1`, or null to stop. */
export function nextWait(policy: RetryPolicy, attempt: number, retryAfter: number | null): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const wait = retryAfter ?? policy.baseWaitMs * 2 ** (attempt - 1);
  return wait > policy.maxWaitMs ? null : wait;
}
