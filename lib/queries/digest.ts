/** The movements a digest reports for a window: price changes and new releases. */
import { blendedPrice } from "../analytics/blended-price";
import { getPool } from "../db";
import { isoDay, parseDay } from "../dates";
import type { DigestContent } from "../schemas/digest";

export async function getDigestContent(asOf: Date, days: number): Promise<DigestContent> {
  const to = new Date(asOf.getTime() + 86_400_000); // inclusive of asOf
  const from = new Date(to.getTime() - days * 86_400_000);
  const pool = getPool();
  const changes = await pool.query<{ slug: string; name: string; provider: string; tier: string; valid_from: Date; input_usd: number; output_usd: number; prev_input: number; prev_output: number; source_url: string | null }>(
    `SELECT m.slug, m.name, pr.name AS provider, cur.tier, cur.valid_from, cur.input_usd, cur.output_usd, prev.input_usd AS prev_input, prev.output_usd AS prev_output, cur.source_url
     FROM price_points cur
     JOIN LATERAL (SELECT p.input_usd, p.output_usd FROM price_points p
                   WHERE p.offering_id = cur.offering_id AND p.tier = cur.tier AND p.source_id = cur.source_id AND p.superseded_at IS NULL AND p.valid_to = cur.valid_from
                   LIMIT 1) prev ON true
     JOIN offerings o ON o.id = cur.offering_id JOIN models m ON m.id = o.model_id JOIN providers pr ON pr.id = o.provider_id
     WHERE cur.superseded_at IS NULL AND cur.valid_from >= $1 AND cur.valid_from < $2 AND cur.tier = 'standard'
       AND (cur.input_usd, cur.output_usd) IS DISTINCT FROM (prev.input_usd, prev.output_usd)
     ORDER BY cur.valid_from DESC, m.name`,
    [from, to],
  );
  const releases = await pool.query<{ slug: string; name: string; lab: string; released_on: Date; open_weights: boolean; reasoning: boolean; source_url: string }>(
    `SELECT m.slug, m.name, l.name AS lab, m.released_on, m.open_weights, m.reasoning, m.source_url
     FROM models m JOIN labs l ON l.id = m.lab_id WHERE m.released_on >= $1::date AND m.released_on < $2::date ORDER BY m.released_on DESC, m.name`,
    [isoDay(from), isoDay(to)],
  );
  return {
    from: isoDay(from),
    to: isoDay(parseDay(isoDay(asOf))),
    priceChanges: changes.rows.map((r) => {
      const before = { input: r.prev_input, output: r.prev_output };
      const after = { input: r.input_usd, output: r.output_usd };
      const b0 = blendedPrice(before);
      return {
        model: r.slug, modelName: r.name, provider: r.provider, date: isoDay(r.valid_from), tier: r.tier, before, after,
        changePct: b0 > 0 ? Math.round(((blendedPrice(after) - b0) / b0) * 1000) / 10 : 0, sourceUrl: r.source_url,
      };
    }),
    releases: releases.rows.map((r) => ({ model: r.slug, modelName: r.name, lab: r.lab, date: isoDay(r.released_on), openWeights: r.open_weights, reasoning: r.reasoning, sourceUrl: r.source_url })),
  };
}
