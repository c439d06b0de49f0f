/** The digest archive: every week's digest, with how many subscribers it reached. */
import { getPool } from "../db";
import type { DigestInputs } from "../digest/build-digest";
import { parseStoredInputs } from "../digest/send-digest";

export interface DigestSummary {
  week: string;
  subject: string;
  createdAt: string;
  sent: number;
  bounced: number;
  waiting: number;
}

export async function listDigests(): Promise<DigestSummary[]> {
  const r = await getPool().query<{ week: Date; subject: string; created_at: Date; sent: number; bounced: number; waiting: number }>(
    `SELECT d.week, d.subject, d.created_at,
            count(*) FILTER (WHERE x.status = 'sent')::int AS sent, count(*) FILTER (WHERE x.status = 'bounced')::int AS bounced,
            count(*) FILTER (WHERE x.status IN ('pending', 'sending', 'failed'))::int AS waiting
     FROM digests d LEFT JOIN deliveries x ON x.digest_id = d.id GROUP BY d.id ORDER BY d.week DESC`,
  );
  return r.rows.map((d) => ({ week: d.week.toISOString().slice(0, 10), subject: d.subject, createdAt: d.created_at.toISOString(), sent: d.sent, bounced: d.bounced, waiting: d.waiting }));
}

/** The stored inputs of one week's digest (the week's Monday, YYYY-MM-DD); null when there is none. */
export async function getDigestInputsForWeek(week: string): Promise<{ subject: string; inputs: DigestInputs } | null> {
  const r = await getPool().query<{ subject: string; content: { inputs: unknown } }>(`SELECT subject, content FROM digests WHERE week = $1::date`, [week]);
  const row = r.rows[0];
  return row ? { subject: row.subject, inputs: parseStoredInputs(row.content.inputs) } : null;
}
