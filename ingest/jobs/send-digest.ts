/**
 * Job: the weekly digest of one ISO week (default: the last complete one) — create it once, add a
 * delivery per confirmed subscriber, send what is due. Deliveries that failed temporarily make the
 * job fail, so pg-boss runs it again with backoff; a crashed run is picked up the same way, and
 * nothing already sent goes out again (lib/digest/send-digest.ts).
 */
import { z } from "zod";
import { enqueueDeliveries, lastCompleteWeek, prepareDigest, sendDeliveries, weekStart } from "../../lib/digest/send-digest";
import { getEnv } from "../../lib/env";
import { dateParam } from "../../lib/schemas/common";
import { DIGEST_QUEUE } from "../../lib/queue-client";
import type { JobDefinition } from "./types";

const payload = z.strictObject({ week: dateParam.optional() });

export const sendDigestJob: JobDefinition<typeof payload> = {
  name: DIGEST_QUEUE,
  payload,
  queue: { policy: "stately", retryLimit: 8, retryDelay: 60, retryBackoff: true, expireInSeconds: 60 * 60 },
  async run({ week }, { pool, log }) {
    const monday = week ? weekStart(new Date(`${week}T00:00:00Z`)) : lastCompleteWeek(new Date());
    const digest = await prepareDigest(pool, monday);
    const added = await enqueueDeliveries(pool, digest.id);
    const summary = await sendDeliveries(pool, digest.id, digest.inputs, { concurrency: getEnv().DIGEST_CONCURRENCY });
    log.info({ digest: digest.id, week: monday.toISOString().slice(0, 10), added, ...summary }, "digest sent");
    const waiting = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE digest_id = $1 AND status IN ('failed', 'sending', 'pending')`, [digest.id]);
    if (waiting.rows[0]!.n > 0 && summary.failed > 0) throw new Error(`${waiting.rows[0]!.n} deliveries of digest ${digest.id} still to send; retrying later`);
    return { digest: digest.id, added, ...summary };
  },
};
