import type { z } from "zod";
import type { NextRequest } from "next/server";
import { apiRoute, json } from "../../../../../lib/api";
import { parseBody, readBody } from "../../../../../lib/api-body";
import { getPool } from "../../../../../lib/db";
import { subscriptionConfirmed, tokenBody } from "../../../../../lib/schemas/subscriptions";
import { confirmSubscription } from "../../../../../lib/subscriptions";

export const dynamic = "force-dynamic";

/** Confirms a subscription with the token of the confirmation link (POST, so link scanners cannot). */
export const POST = apiRoute(async (request: NextRequest) => {
  const { token } = parseBody(tokenBody, await readBody(request));
  const { subscriber, alreadyConfirmed } = await confirmSubscription(getPool(), token);
  return json({ status: "confirmed", alreadyConfirmed, email: subscriber.email, preferences: subscriber.preferences } satisfies z.infer<typeof subscriptionConfirmed>);
});
