/**
 * Sending the weekly digest, exactly once per subscriber and week as far as our records go:
 * - prepareDigest: one `digests` row per ISO week (Monday), holding the week's inputs, so every
 *   subscriber's email, the archive page and a re-run after a crash are built from the same data;
 * - enqueueDeliveries: one `deliveries` row per confirmed subscriber (unique per digest);
 * - sendDeliveries: claims batches with FOR UPDATE SKIP LOCKED (any number of workers), sends with a
 *   concurrency limit, and records each outcome: sent (with its Message-ID), bounced (a 5xx answer:
 *   the subscriber is marked and never mailed again), or failed (temporary: retried with backoff).
 * A claim older than STALE_CLAIM_MS with no outcome belongs to a worker that died mid-send; it is
 * sent again with the same Message-ID. SMTP cannot tell whether a message whose final reply was never
 * read was delivered (RFC 5321 §6.1 accepts duplicates for that reason), so the only message that can
 * arrive twice is the one in flight at the instant of the crash, and it carries the same Message-ID
 * both times, which receiving systems use to drop the copy.
 */
import type pg from "pg";
import { renderWeeklyDigest } from "../../emails/weekly-digest";
import { getEnv } from "../env";
import { openMailPool } from "../mail";
import { moduleLogger } from "../logger";
import { getDigestInputs } from "../queries/digest";
import { linkFor } from "../subscriptions";
import type { Preferences } from "../schemas/subscriptions";
import { buildDigest, digestSubject, type DigestInputs } from "./build-digest";
import { digestChartSvg } from "./digest-chart";
import { svgToPng } from "./render-chart";

export const CHART_CID = "chart@frontierwatch";

/** The chart as a data: URL, for the web archive and previews (mail uses an inline attachment). */
export function chartDataUrl(inputs: DigestInputs): string | undefined {
  return inputs.chart ? `data:image/png;base64,${svgToPng(digestChartSvg(inputs.chart)).toString("base64")}` : undefined;
}

export const STALE_CLAIM_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 5;
const log = moduleLogger("digest");

/** Monday 00:00 UTC of the ISO week containing `date`. */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const isoDow = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  return new Date(day.getTime() - (isoDow - 1) * 86_400_000);
}

/** The week a digest sent at `now` reports: the last complete ISO week. */
export function lastCompleteWeek(now: Date): Date {
  return new Date(weekStart(now).getTime() - 7 * 86_400_000);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export function parseStoredInputs(json: unknown): DigestInputs {
  return JSON.parse(JSON.stringify(json), (_k, v: unknown) => (typeof v === "string" && ISO_INSTANT.test(v) ? new Date(v) : v)) as DigestInputs;
}

/** The digest of the week starting on `week` (a Monday), created once; later calls return it. */
export async function prepareDigest(pool: pg.Pool, week: Date): Promise<{ id: number; inputs: DigestInputs; created: boolean }> {
  const existing = await pool.query<{ id: number; content: { inputs: unknown } }>(`SELECT id, content FROM digests WHERE week = $1::date`, [week.toISOString().slice(0, 10)]);
  if (existing.rows[0]) return { id: existing.rows[0].id, inputs: parseStoredInputs(existing.rows[0].content.inputs), created: false };
  const inputs = await getDigestInputs({ from: week, to: new Date(week.getTime() + 7 * 86_400_000) });
  const r = await pool.query<{ id: number; created: boolean }>(
    `INSERT INTO digests (week, subject, content) VALUES ($1::date, $2, $3::jsonb)
     ON CONFLICT (week) DO UPDATE SET week = EXCLUDED.week RETURNING id, (xmax = 0) AS created`,
    [week.toISOString().slice(0, 10), digestSubject(buildDigest(inputs)), JSON.stringify({ inputs })],
  );
  // a concurrent worker may have created it first: read back what is stored, so all agree
  if (!r.rows[0]!.created) return prepareDigest(pool, week);
  return { id: r.rows[0]!.id, inputs, created: true };
}

export async function enqueueDeliveries(pool: pg.Pool, digestId: number): Promise<number> {
  const r = await pool.query(
    `INSERT INTO deliveries (digest_id, subscriber_id) SELECT $1, id FROM subscribers WHERE status = 'confirmed' ON CONFLICT (digest_id, subscriber_id) DO NOTHING`,
    [digestId],
  );
  return r.rowCount ?? 0;
}

interface Claimed {
  id: number;
  subscriber_id: number;
  email: string;
  preferences: Preferences;
  token_version: number;
  attempts: number;
}

async function claimBatch(pool: pg.Pool, digestId: number, size: number, now: Date): Promise<Claimed[]> {
  const r = await pool.query<Claimed>(
    `WITH picked AS (
       SELECT d.id FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.digest_id = $1 AND s.status = 'confirmed' AND (
         d.status = 'pending'
         OR (d.status = 'failed' AND d.attempts < $3 AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= $2))
         OR (d.status = 'sending' AND d.claimed_at < $2::timestamptz - make_interval(secs => $4 / 1000.0)))
       ORDER BY d.id LIMIT $5 FOR UPDATE OF d SKIP LOCKED
     )
     UPDATE deliveries d SET status = 'sending', claimed_at = $2, attempts = d.attempts + 1
     FROM picked, subscribers s WHERE d.id = picked.id AND s.id = d.subscriber_id
     RETURNING d.id, d.subscriber_id, s.email, s.preferences, s.token_version, d.attempts`,
    [digestId, now, MAX_ATTEMPTS, STALE_CLAIM_MS, size],
  );
  return r.rows;
}

export interface SendSummary {
  sent: number;
  bounced: number;
  failed: number;
}

/** Sends every delivery of the digest that is due; returns what happened in this call. */
export async function sendDeliveries(pool: pg.Pool, digestId: number, inputs: DigestInputs, options: { concurrency?: number; batchSize?: number; now?: () => Date } = {}): Promise<SendSummary> {
  const { concurrency = 8, batchSize = 100, now = () => new Date() } = options;
  const baseUrl = getEnv().PUBLIC_BASE_URL.replace(/\/$/, "");
  const summary: SendSummary = { sent: 0, bounced: 0, failed: 0 };
  // one pool of SMTP connections for the whole run, closed at the end
  const mailer = openMailPool(concurrency);
  // the chart is the same for every reader: rendered once, inlined in each message
  const chart = inputs.chart ? [{ filename: "chart.png", content: svgToPng(digestChartSvg(inputs.chart)), cid: CHART_CID, contentType: "image/png" }] : undefined;

  async function deliver(d: Claimed): Promise<void> {
    const subscriber = { id: d.subscriber_id, tokenVersion: d.token_version };
    const [manageUrl, unsubscribeUrl] = await Promise.all([linkFor(pool, subscriber, "manage"), linkFor(pool, subscriber, "unsubscribe")]);
    const email = await renderWeeklyDigest(buildDigest(inputs, d.preferences), { baseUrl, manageUrl, unsubscribeUrl, chartSrc: chart ? `cid:${CHART_CID}` : undefined });
    const messageId = `<digest-${digestId}-${d.subscriber_id}@frontierwatch>`;
    try {
      await mailer.send({
        to: d.email, subject: email.subject, text: email.text, html: email.html, messageId, attachments: chart,
        headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      });
      await pool.query(`UPDATE deliveries SET status = 'sent', message_id = $2, sent_at = now(), last_error = NULL WHERE id = $1`, [d.id, messageId]);
      summary.sent++;
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      const reason = (err as Error).message.slice(0, 500);
      if (code !== undefined && code >= 500) {
        await pool.query(`UPDATE deliveries SET status = 'bounced', last_error = $2 WHERE id = $1`, [d.id, reason]);
        await pool.query(`UPDATE subscribers SET status = 'bounced', bounced_at = now() WHERE id = $1 AND status = 'confirmed'`, [d.subscriber_id]);
        summary.bounced++;
      } else {
        // 4xx or a connection problem: try again later, waiting longer each time
        const wait = Math.min(60 * 60_000, 30_000 * 2 ** (d.attempts - 1));
        await pool.query(`UPDATE deliveries SET status = 'failed', last_error = $2, next_attempt_at = $3 WHERE id = $1`, [d.id, reason, new Date(now().getTime() + wait)]);
        summary.failed++;
      }
      log.warn({ delivery: d.id, code, reason }, "digest delivery not sent");
    }
  }

  try {
    for (;;) {
      const batch = await claimBatch(pool, digestId, batchSize, now());
      if (!batch.length) return summary;
      let next = 0;
      const worker = async () => {
        while (next < batch.length) await deliver(batch[next++]!);
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
    }
  } finally {
    mailer.close();
  }
}
