import { NextResponse } from "next/server";
import { renderWeeklyDigest } from "../../../emails/weekly-digest";
import { apiRoute, parseSearchParams } from "../../../lib/api";
import { parseDay } from "../../../lib/dates";
import { getEnv } from "../../../lib/env";
import { getDigestContent } from "../../../lib/queries/digest";
import { digestPreviewQuery } from "../../../lib/schemas/digest";

export const dynamic = "force-dynamic";

/** The digest email as it would be sent for a window (default: the 7 days up to today). */
export const GET = apiRoute(async (request) => {
  const q = parseSearchParams(digestPreviewQuery, request.nextUrl.searchParams);
  const content = await getDigestContent(q.as_of ? parseDay(q.as_of) : new Date(), q.days);
  const email = await renderWeeklyDigest(content, getEnv().PUBLIC_BASE_URL);
  return q.format === "text"
    ? new NextResponse(`Subject: ${email.subject}\n\n${email.text}`, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } })
    : new NextResponse(email.html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Digest-Subject": encodeURIComponent(email.subject) } });
});
