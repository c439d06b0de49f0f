/**
 * The one wrapper for API route handlers: parses the query with a zod schema, maps every thrown
 * error to the one error shape, logs, and never lets bad input become a 500.
 */
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { ApiError, errorBody } from "./errors";
import { moduleLogger } from "./logger";

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
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length > 1 ? values : values[0]!;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const details = describeIssues(result.error);
    throw new ApiError("invalid_request", `Invalid query parameter${details.length > 1 ? "s" : ""}: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`, details);
  }
  return result.data;
}

export function errorResponse(err: ApiError): NextResponse {
  return NextResponse.json(errorBody(err), { status: err.status, headers: { "Cache-Control": "no-store" } });
}

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

export function apiRoute<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const started = performance.now();
    try {
      const res = await handler(request, context);
      log.debug({ path: request.nextUrl.pathname, status: res.status, ms: Math.round(performance.now() - started) }, "request");
      return res;
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(err);
      log.error({ path: request.nextUrl.pathname, err: (err as Error).message, stack: (err as Error).stack }, "unhandled error in API route");
      return errorResponse(new ApiError("internal_error", "Something went wrong on our side; the error was logged."));
    }
  };
}

export function json(body: unknown, init: { status?: number; cacheSeconds?: number } = {}): NextResponse {
  return NextResponse.json(body, {
    status: init.status ?? 200,
    headers: { "Cache-Control": init.cacheSeconds ? `public, max-age=${init.cacheSeconds}, stale-while-revalidate=${init.cacheSeconds * 4}` : "no-store" },
  });
}
