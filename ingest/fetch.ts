/**
 * The only network I/O of the ingest pipeline. One GET with: a timeout per attempt, retries with
 * exponential backoff on network errors, timeouts and 5xx, 429 answered by waiting the server's
 * Retry-After, a size cap enforced while streaming (a 50 MB body stops at the cap), conditional
 * GET with the previous ETag / Last-Modified, and a User-Agent that says who we are.
 */
export const USER_AGENT = "FrontierWatch/0.1 (open-source tracker of AI model prices and benchmarks; polite: conditional GET, backoff)";

export interface FetchOptions {
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  maxBytes?: number;
  /** a Retry-After longer than this fails the fetch instead of waiting */
  maxRetryAfterMs?: number;
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** injectable for tests */
  sleep?: (ms: number) => Promise<void>;
}

export type FetchResult =
  | { status: "ok"; url: string; httpStatus: number; bytes: Buffer; contentType: string | null; etag: string | null; lastModified: string | null; attempts: number }
  | { status: "not-modified"; url: string; httpStatus: 304; attempts: number };

export type FetchErrorKind = "http" | "timeout" | "network" | "too-large" | "rate-limited";

export class FetchError extends Error {
  constructor(
    public readonly kind: FetchErrorKind,
    message: string,
    public readonly attempts: number,
    public readonly httpStatus?: number,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

const DEFAULTS = { timeoutMs: 30_000, retries: 3, backoffMs: 500, maxBytes: 20 * 1024 * 1024, maxRetryAfterMs: 120_000 };
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function readCapped(res: Response, maxBytes: number, controller: AbortController, url: string, attempt: number): Promise<Buffer> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    controller.abort();
    throw new FetchError("too-large", `${url} declares ${declared} bytes, over the ${maxBytes}-byte cap`, attempt);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => {});
      throw new FetchError("too-large", `${url} sent more than the ${maxBytes}-byte cap; stopped reading`, attempt);
    }
    // a view of the chunk, not a copy: the one copy is Buffer.concat's
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return Buffer.concat(chunks, size);
}

function describeNetworkError(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message;
}

export async function fetchPayload(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const o = { ...DEFAULTS, ...options };
  const sleep = options.sleep ?? defaultSleep;
  let lastError: FetchError | undefined;
  for (let attempt = 1; attempt <= o.retries + 1; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error("timeout")), o.timeoutMs);
    let retryDelay = o.backoffMs * 2 ** (attempt - 1);
    try {
      const headers: Record<string, string> = { "User-Agent": USER_AGENT, Accept: o.accept ?? "application/json, application/xml;q=0.9, text/*;q=0.8, */*;q=0.5" };
      if (o.etag) headers["If-None-Match"] = o.etag;
      if (o.lastModified) headers["If-Modified-Since"] = o.lastModified;
      const res = await fetch(url, { headers, signal: controller.signal, redirect: "follow" });
      if (res.status === 304) {
        await res.body?.cancel();
        return { status: "not-modified", url, httpStatus: 304, attempts: attempt };
      }
      if (res.status === 429) {
        await res.body?.cancel();
        const wait = parseRetryAfter(res.headers.get("retry-after"), Date.now());
        if (wait !== null && wait > o.maxRetryAfterMs) throw new FetchError("rate-limited", `${url} answered 429 and asks to wait ${Math.round(wait / 1000)} s, longer than we wait`, attempt, 429);
        lastError = new FetchError("rate-limited", `${url} answered 429 (rate limited)`, attempt, 429);
        if (wait !== null) retryDelay = wait;
      } else if (res.status >= 500 || res.status === 408) {
        await res.body?.cancel();
        lastError = new FetchError("http", `${url} answered ${res.status} ${res.statusText}`.trim(), attempt, res.status);
      } else if (res.status >= 400) {
        await res.body?.cancel();
        throw new FetchError("http", `${url} answered ${res.status} ${res.statusText}`.trim(), attempt, res.status);
      } else {
        const bytes = await readCapped(res, o.maxBytes, controller, url, attempt);
        return { status: "ok", url, httpStatus: res.status, bytes, contentType: res.headers.get("content-type"), etag: res.headers.get("etag"), lastModified: res.headers.get("last-modified"), attempts: attempt };
      }
    } catch (err) {
      if (err instanceof FetchError && (err.kind === "too-large" || (err.kind === "http" && err.httpStatus && err.httpStatus < 500) || err.kind === "rate-limited" && err.message.includes("longer than"))) throw err;
      if (err instanceof FetchError) lastError = err;
      else if (controller.signal.aborted) lastError = new FetchError("timeout", `${url} did not answer within ${o.timeoutMs} ms`, attempt);
      else lastError = new FetchError("network", `${url} failed: ${describeNetworkError(err)}`, attempt);
    } finally {
      clearTimeout(timer);
    }
    if (attempt <= o.retries) await sleep(retryDelay + Math.floor(retryDelay * 0.1 * Math.random()));
  }
  throw new FetchError(lastError!.kind, `${lastError!.message} (after ${o.retries + 1} attempts)`, o.retries + 1, lastError!.httpStatus);
}
