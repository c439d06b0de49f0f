/** GET /api/v1/offerings: each model on each provider that serves it. */
import { getPool } from "../db";
import type { ListOfferingsQuery, ListOfferingsResponse, OfferingDto } from "../schemas/catalogue";
import { bothWays, decodeCursor, keyColumns, orderByKey, seekCondition, toPage, type KeyedRow, type SortKey } from "./keyset";
import { idOfSlug } from "./lookup";

const SORT_KEYS: Record<ListOfferingsQuery["sort"], SortKey> = {
  ...bothWays("model", "m.slug", "text", "o.id"),
  ...bothWays("provider", "p.slug", "text", "o.id"),
  ...bothWays("first_seen", "o.first_seen_at", "timestamptz", "o.id"),
};

interface OfferingSql extends KeyedRow {
  id: number;
  model_slug: string;
  model_name: string;
  lab_slug: string;
  open_weights: boolean;
  provider_slug: string;
  provider_name: string;
  kind: OfferingDto["provider"]["kind"];
  hardware: OfferingDto["provider"]["hardware"];
  country: string;
  first_party: boolean;
  quantization: string;
  provider_model_id: string | null;
  context_limit: number | null;
  status: OfferingDto["status"];
  first_seen_at: Date;
  source: string;
}

export async function listOfferings(q: ListOfferingsQuery): Promise<ListOfferingsResponse> {
  const key = SORT_KEYS[q.sort];
  const values: unknown[] = [];
  const param = (v: unknown) => `$${values.push(v)}`;
  // the lab's own API, as the reference price defines it (lib/queries/analytics-inputs.ts)
  const firstParty = "coalesce(p.kind = 'first_party' AND p.lab_id = m.lab_id, false)";
  const where: string[] = [];
  if (q.model) where.push(`o.model_id = ${param(await idOfSlug("models", q.model, "model"))}`);
  if (q.provider) where.push(`o.provider_id = ${param(await idOfSlug("providers", q.provider, "provider"))}`);
  if (q.lab) where.push(`m.lab_id = ${param(await idOfSlug("labs", q.lab, "lab"))}`);
  if (q.hardware) where.push(`p.hardware = ${param(q.hardware)}`);
  if (q.provider_kind) where.push(`p.kind = ${param(q.provider_kind)}`);
  if (q.open !== undefined) where.push(`m.open_weights = ${param(q.open)}`);
  if (q.first_party !== undefined) where.push(`${firstParty} = ${param(q.first_party)}`);
  if (q.status) where.push(`o.status = ${param(q.status)}`);
  where.push(seekCondition(key, q.cursor ? decodeCursor(q.cursor, q.sort, key.type) : null, values));
  const r = await getPool().query<OfferingSql>(
    `SELECT o.id, m.slug AS model_slug, m.name AS model_name, l.slug AS lab_slug, m.open_weights, p.slug AS provider_slug, p.name AS provider_name,
            p.kind, p.hardware, p.country, ${firstParty} AS first_party, o.quantization, o.provider_model_id, o.context_limit, o.status, o.first_seen_at,
            s.slug AS source, ${keyColumns(key)}
     FROM offerings o JOIN models m ON m.id = o.model_id JOIN labs l ON l.id = m.lab_id JOIN providers p ON p.id = o.provider_id JOIN sources s ON s.id = o.source_id
     WHERE ${where.join(" AND ")}
     ORDER BY ${orderByKey(key)} LIMIT ${param(q.limit + 1)}`,
    values,
  );
  return toPage(r.rows, q.limit, q.sort, key, (o) => ({
    id: o.id,
    model: { slug: o.model_slug, name: o.model_name, lab: o.lab_slug, openWeights: o.open_weights },
    provider: { slug: o.provider_slug, name: o.provider_name, kind: o.kind, hardware: o.hardware, country: o.country },
    firstParty: o.first_party, quantization: o.quantization, providerModelId: o.provider_model_id, contextLimit: o.context_limit,
    status: o.status, firstSeenAt: o.first_seen_at.toISOString(), source: o.source,
  }));
}
