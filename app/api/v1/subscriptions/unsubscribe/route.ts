import type { z } from "zod";
import { NextResponse, type NextRequest } from "next/server";
import { apiRoute, json, parseSearchParams } from "../../../../../lib/api";
import { readBody } from "../../../../../lib/api-body";
import { getPool } from "../../../../../lib/db";
import { ApiError } from "../../../../../lib/errors";
import { tokenBody, unsubscribed } from "../../../../../lib/schemas/subscriptions";
import { unsubscribe } from "../../../../../lib/subscriptions";

export const dynamic = "force-dynamic";

/**
 * One-click unsubscribe (RFC 8058): the URL of the List-Unsubscribe header, POSTed by the mail
 * client with the body `List-Unsubscribe=One-Click`; the token is in the URL. A JSON `{ token }`
 * body works too.
 */
export const POST = apiRoute(async (request: NextRequest) => {
  const body = await readBody(request);
  const fromUrl = request.nextUrl.searchParams.get("token");
  const token = fromUrl ?? body.token;
  if (fromUrl && body["List-Unsubscribe"] !== undefined && body["List-Unsubscribe"] !== "One-Click") {
    throw new ApiError("invalid_request", "Expected List-Unsubscribe=One-Click", [{ field: "List-Unsubscribe", message: "expected One-Click" }]);
  }
  const parsed = tokenBody.safeParse({ token });
  if (!parsed.success) throw new ApiError("invalid_request", "Missing or malformed token", [{ field: "token", message: parsed.error.issues[0]!.message }]);
  const r = await unsubscribe(getPool(), parsed.data.token);
  return json({ status: "unsubscribed", alreadyUnsubscribed: r.alreadyUnsubscribed } satisfies z.infer<typeof unsubscribed>);
});

/** A person opening the header's URL in a browser gets the page with the button, never a silent change. */
export const GET = apiRoute(async (request: NextRequest) => {
  const { token } = parseSearchParams(tokenBody, request.nextUrl.searchParams);
  const to = new URL("/subscribe/unsubscribe", request.nextUrl.origin);
  to.searchParams.set("token", token);
  return NextResponse.redirect(to, 303);
});
