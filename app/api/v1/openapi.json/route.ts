import { apiRoute } from "../../../../lib/api";
import { corsHeaders, ifNoneMatchHits, strongEtag } from "../../../../lib/http-conventions";
import { buildOpenApi } from "../../../../lib/openapi";

export const dynamic = "force-dynamic";

let body: { text: string; etag: string } | undefined;

export const GET = apiRoute(async (request) => {
  body ??= (() => {
    const text = JSON.stringify(buildOpenApi(), null, 2);
    return { text, etag: strongEtag(text) };
  })();
  const headers = { ETag: body.etag, "Cache-Control": "public, max-age=300", ...corsHeaders() };
  if (ifNoneMatchHits(request.headers.get("if-none-match"), body.etag)) return new Response(null, { status: 304, headers });
  return new Response(body.text, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}, "/api/v1/openapi.json");
