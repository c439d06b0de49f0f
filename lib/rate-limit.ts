/**
 * API rate limits: a fixed-window counter per bucket (an API key, or an anonymous client address)
 * in Postgres, so that every web instance counts against the same numbers. One upsert per request
 * both counts it and returns the window's total; the window boundaries come from the database's
 * clock, so instances with skewed clocks still agree.
 *
 * Headers follow the IETF draft (draft-ietf-httpapi-ratelimit-headers): RateLimit-Limit,
 * RateLimit-Remaining, RateLimit-Reset (seconds until the window ends) and RateLimit-Policy
 * (`limit;w=window`); a refused request is a 429 with Retry-After.
 */
import type pg from "pg";

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** seconds until the window resets (at least 1) */
  reset: number;
  windowSeconds: number;
  allowed: boolean;
}

/** What the headers say after a request counted as the `count`-th of the window. */
export function rateLimitState(count: number, limit: number, secondsLeft: number, windowSeconds: number): RateLimitState {
  return { limit, remaining: Math.max(0, limit - count), reset: Math.max(1, Math.ceil(secondsLeft)), windowSeconds, allowed: count <= limit };
}

export function rateLimitHeaders(s: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(s.limit),
    "RateLimit-Remaining": String(s.remaining),
    "RateLimit-Reset": String(s.reset),
    "RateLimit-Policy": `${s.limit};w=${s.windowSeconds}`,
    ...(s.allowed ? {} : { "Retry-After": String(s.reset) }),
  };
}

let lastSweep = 0;

/** Counts one request in the bucket's current window and says whether it is within the limit. */
export async function hitRateLimit(pool: pg.Pool, bucket: string, limit: number, windowSeconds: number): Promise<RateLimitState> {
  const r = await pool.query<{ count: number; left: number }>(
    `INSERT INTO api_rate_limits AS l (bucket, window_start, count)
     VALUES ($1, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / $2) * $2), 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET count = l.count + 1
     RETURNING l.count, extract(epoch FROM l.window_start + make_interval(secs => $2) - clock_timestamp())::float8 AS left`,
    [bucket, windowSeconds],
  );
  // finished windows are dead rows: sweep them now and then (any instance may; each does it rarely)
  const now = Date.now();
  if (now - lastSweep > 60_000) {
    lastSweep = now;
    pool.query(`DELETE FROM api_rate_limits WHERE window_start < clock_timestamp() - make_interval(secs => $1)`, [windowSeconds * 2]).catch(() => {});
  }
  return rateLimitState(r.rows[0]!.count, limit, r.rows[0]!.left, windowSeconds);
}

/**
 * The client address of an anonymous request: the last X-Forwarded-For entry, which the nearest
 * proxy (or Next.js itself, from the socket, when there is no proxy) writes. Directly exposed
 * without a proxy that overwrites the header, a client could choose its own anonymous bucket; run
 * behind one in production.
 */
export function clientAddress(headers: Headers): string {
  const xff = headers.get("x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}
