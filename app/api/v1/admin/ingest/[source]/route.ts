import { apiRoute, json } from "../../../../../../lib/api";
import { assertAdmin } from "../../../../../../lib/admin";
import { ApiError } from "../../../../../../lib/errors";
import { listSourceSlugs } from "../../../../../../lib/queries/sources";
import { getQueueClient, INGEST_QUEUE } from "../../../../../../lib/queue-client";
import { slugParam } from "../../../../../../lib/schemas/common";

export const dynamic = "force-dynamic";

/** Queues one ingest run of a source (the worker runs it; one run per source at a time). */
export const POST = apiRoute<{ params: Promise<{ source: string }> }>(async (request, { params }) => {
  assertAdmin(request);
  const parsed = slugParam.safeParse((await params).source);
  if (!parsed.success) throw new ApiError("invalid_request", `Invalid path parameter: source: ${parsed.error.issues[0]!.message}`, [{ field: "source", message: parsed.error.issues[0]!.message }]);
  const known = await listSourceSlugs();
  if (!known.includes(parsed.data)) throw new ApiError("not_found", `No source "${parsed.data}"; known sources: ${known.join(", ")}`);
  const boss = await getQueueClient();
  const jobId = await boss.send(INGEST_QUEUE, { source: parsed.data, trigger: "api" }, { singletonKey: parsed.data });
  return json({ queued: jobId !== null, jobId, source: parsed.data, note: jobId ? "the worker will run it shortly; see /api/v1/sources" : "a run of this source is already queued" }, { status: 202 });
}, "/api/v1/admin/ingest/{source}");
