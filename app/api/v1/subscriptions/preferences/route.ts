import type { z } from "zod";
import type { NextRequest } from "next/server";
import { apiRoute, json } from "../../../../../lib/api";
import { parseBody, readBody } from "../../../../../lib/api-body";
import { getPool } from "../../../../../lib/db";
import { preferencesBody, preferencesUpdated } from "../../../../../lib/schemas/subscriptions";
import { updatePreferences } from "../../../../../lib/subscriptions";

export const dynamic = "force-dynamic";

/** Changes what a confirmed subscriber receives: `{ token, labs, topics }` with the manage link's token. */
export const POST = apiRoute(async (request: NextRequest) => {
  const { token, labs, topics } = parseBody(preferencesBody, await readBody(request, ["labs", "topics"]));
  const s = await updatePreferences(getPool(), token, { labs, topics });
  return json({ status: "updated", preferences: s.preferences } satisfies z.infer<typeof preferencesUpdated>);
});
