import { NextResponse } from "next/server";
import { renderWeeklyDigest } from "../../../../emails/weekly-digest";
import { apiRoute, parseSearchParams } from "../../../../lib/api";
import { assertAdmin } from "../../../../lib/admin";
import { getPool } from "../../../../lib/db";
import { getSubscriberPreferencesOrThrow } from "../../../../lib/subscriptions";
import { DIGEST_TOPICS, type Preferences } from "../../../../lib/schemas/subscriptions";
import { parseDay } from "../../../../lib/dates";
import { getEnv } from "../../../../lib/env";
import { buildDigest } from "../../../../lib/digest/build-digest";
import { chartDataUrl } from "../../../../lib/digest/send-digest";
import { getDigestInputs } from "../../../../lib/queries/digest";
import { digestPreviewQuery } from "../../../../lib/schemas/digest";

export const dynamic = "force-dynamic";

/**
 * The digest email as it would be sent for a window (default: the 7 days up to today), for every
 * topic and lab, for given `topics`/`labs`, or for one subscriber's preferences (admin token).
 */
export const GET = apiRoute(async (request) => {
  const q = parseSearchParams(digestPreviewQuery, request.nextUrl.searchParams);
  // the window: `days` whole days ending with as_of (inclusive)
  const lastDay = parseDay(q.as_of ?? new Date().toISOString().slice(0, 10));
  const to = new Date(lastDay.getTime() + 86_400_000);
  const inputs = await getDigestInputs({ from: new Date(to.getTime() - q.days * 86_400_000), to });
  let preferences: Preferences = { labs: q.labs ?? [], topics: q.topics ?? [...DIGEST_TOPICS] };
  if (q.subscriber !== undefined) {
    // a subscriber's preferences are theirs: admins only
    assertAdmin(request);
    preferences = await getSubscriberPreferencesOrThrow(getPool(), q.subscriber);
  }
  const content = buildDigest(inputs, preferences);
  const email = await renderWeeklyDigest(content, { baseUrl: getEnv().PUBLIC_BASE_URL, chartSrc: q.format === "html" ? chartDataUrl(inputs) : undefined });
  return q.format === "text"
    ? new NextResponse(`Subject: ${email.subject}\n\n${email.text}`, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } })
    : new NextResponse(email.html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Digest-Subject": encodeURIComponent(email.subject) } });
});
