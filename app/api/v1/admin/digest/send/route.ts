import type { NextRequest } from "next/server";
import { z } from "zod";
import { assertAdmin } from "../../../../../../lib/admin";
import { apiRoute, json } from "../../../../../../lib/api";
import { parseBody, readBody } from "../../../../../../lib/api-body";
import { DIGEST_QUEUE, getQueueClient } from "../../../../../../lib/queue-client";
import { dateParam } from "../../../../../../lib/schemas/common";

export const dynamic = "force-dynamic";

const body = z.strictObject({ week: dateParam.optional() });

/** Queues the weekly digest of a week (any day of it; default the last complete week) for the worker to send now. */
export const POST = apiRoute(async (request: NextRequest) => {
  assertAdmin(request);
  const { week } = parseBody(body, await readBody(request));
  const boss = await getQueueClient();
  const jobId = await boss.send(DIGEST_QUEUE, week ? { week } : {}, { singletonKey: week ?? "last-week" });
  return json({ queued: jobId !== null, jobId, week: week ?? null, note: jobId ? "the worker sends it shortly; each subscriber gets it once" : "a send of this week is already queued" }, { status: 202 });
});
