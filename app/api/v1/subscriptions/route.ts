import type { z } from "zod";
import type { NextRequest } from "next/server";
import { apiRoute, json } from "../../../../lib/api";
import { parseBody, readBody } from "../../../../lib/api-body";
import { getPool } from "../../../../lib/db";
import { subscribeAccepted, subscribeBody } from "../../../../lib/schemas/subscriptions";
import { requestSubscription } from "../../../../lib/subscriptions";

export const dynamic = "force-dynamic";

/**
 * Subscribe to the weekly digest: `{ email, labs?, topics? }` as JSON or a form. Always 202 with the
 * same message whatever the address's state (no way to learn who subscribes); the email carries
 * the confirmation link.
 */
export const POST = apiRoute(async (request: NextRequest) => {
  const body = parseBody(subscribeBody, await readBody(request, ["labs", "topics"]));
  await requestSubscription(getPool(), body);
  return json({ status: "check-your-inbox", message: "If the address can receive the digest, a confirmation link is on its way. Nothing is sent until it is followed." } satisfies z.infer<typeof subscribeAccepted>, { status: 202 });
});
