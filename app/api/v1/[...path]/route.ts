import { apiRoute } from "../../../../lib/api";
import { ApiError } from "../../../../lib/errors";

export const dynamic = "force-dynamic";

/** Any other path under /api/v1 answers in the error shape too (not Next's HTML 404 page). */
const notFound = apiRoute(async (request) => {
  throw new ApiError("not_found", `No endpoint ${request.method} ${request.nextUrl.pathname}; the list is at /api/v1/openapi.json`);
}, "/api/v1/{unknown}");
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
