-- Movements a page at a time (lib/queries/movements.ts). analytics_events also holds each model's
-- release, and carries the key movements are ordered by (lib/analytics/movements.ts, movementKey):
-- date, kind, model slug, then each kind's own key. One index in that order lets a page be read by
-- scanning the first rows after a cursor, however busy the window; its INCLUDEd flags let the
-- window's counts be read from the index alone.

ALTER TABLE "analytics_events" DROP CONSTRAINT "analytics_events_kind_check";
ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_kind_check" CHECK ("kind" IN ('release', 'price-change', 'new-leader', 'threshold-crossing'));

-- the slug of the model when the event was written: the refresh rewrites a changed model's events
ALTER TABLE "analytics_events" ADD COLUMN "sort_model" TEXT COLLATE "C";
-- a price change that lowers the blended price under the default mix (3:1); a release with open weights
ALTER TABLE "analytics_events" ADD COLUMN "cut" BOOLEAN;
ALTER TABLE "analytics_events" ADD COLUMN "open_weights" BOOLEAN;
ALTER TABLE "analytics_events" ADD COLUMN "kind_order" INTEGER GENERATED ALWAYS AS (
  CASE "kind" WHEN 'release' THEN 0 WHEN 'price-change' THEN 1 WHEN 'new-leader' THEN 2 ELSE 3 END) STORED;
ALTER TABLE "analytics_events" ADD COLUMN "sort_k1" TEXT COLLATE "C" GENERATED ALWAYS AS (
  CASE "kind" WHEN 'price-change' THEN "detail"->>'provider' WHEN 'new-leader' THEN "detail"->>'benchmark'
              WHEN 'threshold-crossing' THEN "detail"->'rule'->>'benchmark' ELSE '' END) STORED;
ALTER TABLE "analytics_events" ADD COLUMN "sort_k2" TEXT COLLATE "C" GENERATED ALWAYS AS (
  CASE "kind" WHEN 'price-change' THEN "detail"->>'quantization' ELSE '' END) STORED;
ALTER TABLE "analytics_events" ADD COLUMN "sort_n1" DOUBLE PRECISION GENERATED ALWAYS AS (
  CASE "kind" WHEN 'threshold-crossing' THEN ("detail"->'rule'->>'minScore')::float8 ELSE 0 END) STORED;
ALTER TABLE "analytics_events" ADD COLUMN "sort_n2" DOUBLE PRECISION GENERATED ALWAYS AS (
  CASE "kind" WHEN 'threshold-crossing' THEN ("detail"->'rule'->>'maxPrice')::float8 ELSE 0 END) STORED;

UPDATE "analytics_events" e SET "sort_model" = m."slug" FROM "models" m WHERE m."id" = e."model_id";
UPDATE "analytics_events" SET "cut" = (3 * ("detail"->'after'->>'input')::float8 + ("detail"->'after'->>'output')::float8) / 4
                                    < (3 * ("detail"->'before'->>'input')::float8 + ("detail"->'before'->>'output')::float8) / 4
WHERE "kind" = 'price-change';
INSERT INTO "analytics_events" ("kind", "occurred_at", "model_id", "detail", "sort_model", "open_weights")
SELECT 'release', "released_on"::timestamp AT TIME ZONE 'UTC', "id", '{}'::jsonb, "slug", "open_weights" FROM "models";
ALTER TABLE "analytics_events" ALTER COLUMN "sort_model" SET NOT NULL;

CREATE INDEX "analytics_events_page_idx" ON "analytics_events" ("occurred_at", "kind_order", "sort_model", "sort_k1", "sort_k2", "sort_n1", "sort_n2") INCLUDE ("cut", "open_weights");
