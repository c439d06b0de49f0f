/**
 * The route wrappers of the API. `apiRoute` maps every thrown error to the one error shape and
 * never lets bad input become a 500. `getEndpoint` adds the conventions of every public GET
 * (lib/api-catalogue.ts): API key and rate limit, query validated by the endpoint's zod schema,
 * JSON or CSV (`?format=csv` or `Accept: text/csv`), a strong ETag with If-None-Match → 304,
 * Cache-Control, CORS, a Link header to the next page of a list, and request metrics.
 */
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { apiKeyOf, verifyApiKey } from "./api-keys";
import type { AnySchema, EndpointDef } from "./api-catalogue";
import { csvColumns } from "./csv";
import { toCsv } from "./csv";
import { getPool } from "./db";
import { getEnv } from "./env";
import { ApiError, errorBody } from "./errors";
import { corsHeaders, formatFromAccept, ifNoneMatchHits, nextLink, preflightHeaders, strongEtag, type ResponseFormat } from "./http-conventions";
import { moduleLogger } from "./logger";
import { observeRequest } from "./metrics";
import { clientAddress, hitRateLimit, rateLimitHeaders, type RateLimitState } from "./rate-limit";
import { formatParam } from "./schemas/common";

const log = moduleLogger("api");

/** Turns zod issues into `{ field, message }` pairs that name the parameter. */
export function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.flatMap((i) =>
    i.code === "unrecognized_keys"
      ? i.keys.map((k) => ({ field: k, message: "unknown parameter" }))
      : [{ field: i.path.map(String).join(".") || "(query)", message: i.message }],
  );
}

export function parseSearchParams<S extends z.ZodType>(schema: S, params: URLSearchParams): z.infer<S> {
  // no prototype: a parameter named __proto__ or constructor is an unknown key like any other
  const raw: Record<string, string | string[]> = Object.create(null);
  const early: { field: string; message: string }[] = [];
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    // as Stripe does: an empty value is not taken for "unset" nor for 0; leave the parameter out instead
    if (values.some((v) => v.trim() === "")) early.push({ field: key, message: "empty value; leave the parameter out to use its default" });
    // zod would take it for the prototype, not a key
    if (key === "__proto__") early.push({ field: key, message: "unknown parameter" });
    raw[key] = values.length > 1 ? values : values[0]!;
  }
  if (early.length > 0) throw new ApiError("invalid_request", `Invalid query parameter${early.length > 1 ? "s" : ""}: ${early.map((d) => `${d.field}: ${d.message}`).join("; ")}`, early);
  const result = schema.safeParse(raw);
  if (!result.success) {
    const details = describeIssues(result.error);
    throw new ApiError("invalid_request", `Invalid query parameter${details.length > 1 ? "s" : ""}: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`, details);
  }
  return result.data;
}

export function errorResponse(err: ApiError, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(errorBody(err), { status: err.status, headers: { "Cache-Control": "no-store", ...headers } });
}

function internalError(request: NextRequest, err: unknown): ApiError {
  log.error({ path: request.nextUrl.pathname, err: (err as Error).message, stack: (err as Error).stack }, "unhandled error in API route");
  return new ApiError("internal_error", "Something went wrong on our side; the error was logged.");
}

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

/** `route` is the path template used as the metrics label (never the raw path: unbounded labels). */
export function apiRoute<C = unknown>(handler: Handler<C>, route = "other"): Handler<C> {
  return async (request, context) => {
    const started = performance.now();
    let status = 500;
    try {
      const res = await handler(request, context);
      status = res.status;
      return res;
    } catch (err) {
      const e = err instanceof ApiError ? err : internalError(request, err);
      status = e.status;
      return errorResponse(e);
    } finally {
      const seconds = (performance.now() - started) / 1000;
      observeRequest(route, request.method, status, seconds);
      log.debug({ path: request.nextUrl.pathname, status, ms: Math.round(seconds * 1000) }, "request");
    }
  };
}

export function json(body: unknown, init: { status?: number; cacheSeconds?: number } = {}): NextResponse {
  return NextResponse.json(body, { status: init.status ?? 200, headers: { "Cache-Control": cacheControl(init.cacheSeconds) } });
}

function cacheControl(seconds: number | undefined): string {
  return seconds ? `public, max-age=${seconds}, stale-while-revalidate=${seconds * 4}` : "no-store";
}

/** Counts the request against its key's or address's limit; a bad key is a 401. Null when limits are off. */
async function limitRequest(request: NextRequest): Promise<RateLimitState | null> {
  const env = getEnv();
  const key = apiKeyOf(request.headers);
  const pool = getPool();
  const who = key ? await verifyApiKey(pool, key) : null;
  if (!env.RATE_LIMIT_ENABLED) return null;
  const limit = who ? (who.tier === "partner" ? env.RATE_LIMIT_PARTNER : env.RATE_LIMIT_STANDARD) : env.RATE_LIMIT_ANONYMOUS;
  try {
    return await hitRateLimit(pool, who ? `key:${who.id}` : `ip:${clientAddress(request.headers)}`, limit, env.RATE_LIMIT_WINDOW_SECONDS);
  } catch (err) {
    // the counter is unavailable (database trouble): serve rather than refuse; the read says the rest
    log.warn({ err: (err as Error).message }, "rate limit not counted");
    return null;
  }
}

/** The format asked for: `format` in the query wins over the Accept header. */
function takeFormat(request: NextRequest): { format: ResponseFormat; params: URLSearchParams } {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  const given = params.getAll("format");
  params.delete("format");
  if (given.length === 0) return { format: formatFromAccept(request.headers.get("accept")), params };
  const parsed = formatParam.safeParse(given.length === 1 ? given[0] : given);
  if (!parsed.success) throw new ApiError("invalid_request", `Invalid query parameter: format: ${parsed.error.issues[0]!.message}`, [{ field: "format", message: parsed.error.issues[0]!.message }]);
  return { format: parsed.data, params };
}

const columnsCache = new WeakMap<AnySchema, string[]>();
function columnsOf(item: AnySchema): string[] {
  let c = columnsCache.get(item);
  if (!c) {
    c = csvColumns(z.toJSONSchema(item, { io: "output", unrepresentable: "any" }) as Parameters<typeof csvColumns>[0]);
    columnsCache.set(item, c);
  }
  return c;
}

/** What Next.js passes a route handler besides the request: the dynamic segments of the path. */
export interface RouteContext {
  params?: Promise<Record<string, string | string[] | undefined>>;
}

export interface Endpoint {
  GET: (request: NextRequest, context?: RouteContext) => Promise<Response>;
  OPTIONS: () => Promise<Response>;
}

/** The path's dynamic segments validated by the endpoint's `params` schema; a bad one is a 400 naming it. */
async function parsePathParams(schema: z.ZodType | undefined, context: RouteContext | undefined): Promise<unknown> {
  if (!schema) return {};
  const raw = Object.assign(Object.create(null) as Record<string, unknown>, (await context?.params) ?? {});
  const result = schema.safeParse(raw);
  if (!result.success) {
    const details = describeIssues(result.error);
    throw new ApiError("invalid_request", `Invalid path parameter${details.length > 1 ? "s" : ""}: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`, details);
  }
  return result.data;
}

/**
 * Serialized answers kept in this process, keyed by what they depend on: the endpoint, the query,
 * the format and a version the endpoint names (for analytics, the refresh the answer was computed
 * from). A new version makes every older entry unreachable, so an answer is never stale; bounded
 * by total size, oldest first out.
 */
interface CachedAnswer {
  text: string;
  etag: string;
  next: string | null;
}
const ANSWER_CACHE_BYTES = 32 * 1024 * 1024;
const answerCache = new Map<string, CachedAnswer>();
let answerCacheBytes = 0;
function rememberAnswer(key: string, answer: CachedAnswer): void {
  if (answer.text.length > ANSWER_CACHE_BYTES / 8) return;
  answerCache.set(key, answer);
  answerCacheBytes += answer.text.length;
  for (const [k, v] of answerCache) {
    if (answerCacheBytes <= ANSWER_CACHE_BYTES) break;
    answerCache.delete(k);
    answerCacheBytes -= v.text.length;
  }
}

export interface EndpointOptions {
  /**
   * The version the answers depend on besides the query (null: do not keep this answer), e.g. the
   * analytics refresh id and today's date. Without it nothing is kept.
   */
  version?: () => Promise<string | null>;
}

export function getEndpoint<Q extends z.ZodType, R extends AnySchema, P extends z.ZodType>(
  def: EndpointDef<Q, R, P>,
  handler: (query: z.infer<Q>, request: NextRequest, params: z.infer<P>) => Promise<z.infer<R>>,
  options: EndpointOptions = {},
): Endpoint {
  const GET = async (request: NextRequest, context?: RouteContext): Promise<Response> => {
    const started = performance.now();
    let status = 500;
    let limitHeaders: Record<string, string> = {};
    try {
      const limit = await limitRequest(request);
      if (limit) limitHeaders = rateLimitHeaders(limit);
      if (limit && !limit.allowed) {
        throw new ApiError("rate_limited", `Rate limit of ${limit.limit} requests per ${limit.windowSeconds} s reached; retry in ${limit.reset} s (an API key raises the limit).`);
      }
      const pathParams = (await parsePathParams(def.params, context)) as z.infer<P>;
      const { format, params } = takeFormat(request);
      const query = parseSearchParams(def.query, params);
      const version = options.version ? await options.version() : null;
      const key = version === null ? null : `${request.nextUrl.pathname}\u0000${version}\u0000${format}\u0000${[...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join("&")}`;
      let answer = key === null ? undefined : answerCache.get(key);
      if (!answer) {
        const body = await handler(query, request, pathParams);
        const text = format === "csv" ? toCsv(columnsOf(def.csv.item), def.csv.rows(body)) : JSON.stringify(body);
        answer = { text, etag: strongEtag(text), next: def.paginated ? ((body as { nextCursor?: string | null }).nextCursor ?? null) : null };
        if (key !== null) rememberAnswer(key, answer);
      }
      const { text, etag, next } = answer;
      const headers: Record<string, string> = {
        ETag: etag,
        "Cache-Control": cacheControl(def.cacheSeconds),
        // the body depends on Accept (CSV or JSON); the rate-limit headers are per client but not the body
        Vary: "Accept",
        ...corsHeaders(),
        ...limitHeaders,
      };
      if (next) headers.Link = nextLink(getEnv().PUBLIC_BASE_URL, request.nextUrl.pathname, request.nextUrl.searchParams, next);
      if (ifNoneMatchHits(request.headers.get("if-none-match"), etag)) {
        status = 304;
        return new Response(null, { status, headers });
      }
      headers["Content-Type"] = format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8";
      if (format === "csv") headers["Content-Disposition"] = `inline; filename="${def.operationId}.csv"`;
      status = 200;
      return new Response(text, { status, headers });
    } catch (err) {
      const e = err instanceof ApiError ? err : internalError(request, err);
      status = e.status;
      return errorResponse(e, { ...corsHeaders(), ...limitHeaders });
    } finally {
      observeRequest(def.path, "GET", status, (performance.now() - started) / 1000);
    }
  };
  const OPTIONS = async () => new Response(null, { status: 204, headers: preflightHeaders() });
  return { GET, OPTIONS };
}
