/**
 * The HTTP conventions of the public API as pure functions: strong ETags, If-None-Match, the
 * response format (JSON or CSV), the Link header of a list and the CORS headers.
 */
import { createHash } from "node:crypto";

/** A strong validator: the sha256 of the exact bytes sent (JSON and CSV differ, so do their tags). */
export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/**
 * RFC 9110 §13.1.2: If-None-Match uses the weak comparison, so `W/"x"` matches `"x"`; `*` matches
 * any current representation. A malformed header matches nothing (the full response is sent).
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === opaque);
}

export type ResponseFormat = "json" | "csv";

/** q of a media type in an Accept header: the most specific matching range wins; 0 when none matches. */
function qualityOf(accept: string, type: string, subtype: string): number {
  let best = -1;
  let q = 0;
  for (const part of accept.split(",")) {
    const [range, ...params] = part.trim().toLowerCase().split(";");
    const [t, s] = (range ?? "").trim().split("/");
    const specificity = t === type && s === subtype ? 2 : t === type && s === "*" ? 1 : t === "*" && s === "*" ? 0 : -1;
    if (specificity < 0 || specificity < best) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qp ? Number(qp.slice(2)) : 1;
    best = specificity;
    q = Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
  }
  return q;
}

/** CSV when the client asks for text/csv explicitly and does not prefer JSON; JSON otherwise. */
export function formatFromAccept(accept: string | null): ResponseFormat {
  if (!accept || !/text\/csv/i.test(accept)) return "json";
  const csv = qualityOf(accept, "text", "csv");
  return csv > 0 && csv >= qualityOf(accept, "application", "json") ? "csv" : "json";
}

/** RFC 8288 Link header to the next page: the same request with the cursor replaced. */
export function nextLink(baseUrl: string, pathname: string, params: URLSearchParams, nextCursor: string): string {
  const next = new URLSearchParams(params);
  next.set("cursor", nextCursor);
  return `<${baseUrl.replace(/\/$/, "")}${pathname}?${next.toString()}>; rel="next"`;
}

export const EXPOSED_HEADERS = ["ETag", "Link", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", "Retry-After"];

/**
 * CORS for reads: any origin may GET (the data is public; keys travel in the Authorization header,
 * never in cookies, so no credentials mode is needed).
 */
export function corsHeaders(): Record<string, string> {
  return { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": EXPOSED_HEADERS.join(", ") };
}

export function preflightHeaders(): Record<string, string> {
  return {
    ...corsHeaders(),
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Accept, If-None-Match, X-API-Key",
    "Access-Control-Max-Age": "86400",
  };
}
