-- Precomputed analytics (issue 4): what the frontier, trend, gap and movements reads need, kept
-- current by lib/precompute/refresh-analytics.ts after each ingest. Every table here is derived:
-- it can be dropped and rebuilt from the ledger at any time, and it carries no provenance of its own
-- (the rows it is computed from do).

-- Each model's reference price as a piecewise-constant function of time, per reference-price mode
-- (lib/analytics/price-segments.ts). input/output in USD per 1M tokens; valid_to NULL = still valid.
CREATE TABLE "model_price_segments" (
    "model_id" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_to" TIMESTAMPTZ(3),
    "input_usd" DOUBLE PRECISION NOT NULL,
    "output_usd" DOUBLE PRECISION NOT NULL,
    "basis" TEXT NOT NULL,
    "providers" TEXT[],
    CONSTRAINT "model_price_segments_pkey" PRIMARY KEY ("model_id", "mode", "valid_from"),
    CONSTRAINT "model_price_segments_mode_check" CHECK ("mode" IN ('reference', 'first-party', 'median')),
    CONSTRAINT "model_price_segments_basis_check" CHECK ("basis" IN ('first-party', 'median')),
    CONSTRAINT "model_price_segments_validity_check" CHECK ("valid_to" IS NULL OR "valid_from" < "valid_to")
);
ALTER TABLE "model_price_segments" ADD CONSTRAINT "model_price_segments_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- "which segments are valid on day D" (the frontier) without scanning every earlier segment
CREATE INDEX "model_price_segments_reference_valid_idx" ON "model_price_segments" USING gist (tstzrange("valid_from", "valid_to")) WHERE "mode" = 'reference';
CREATE INDEX "model_price_segments_first_party_valid_idx" ON "model_price_segments" USING gist (tstzrange("valid_from", "valid_to")) WHERE "mode" = 'first-party';
CREATE INDEX "model_price_segments_median_valid_idx" ON "model_price_segments" USING gist (tstzrange("valid_from", "valid_to")) WHERE "mode" = 'median';

-- Each model's best score per benchmark (max, or min where lower is better).
CREATE TABLE "model_best_scores" (
    "model_id" INTEGER NOT NULL,
    "benchmark_id" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "model_best_scores_pkey" PRIMARY KEY ("model_id", "benchmark_id")
);
ALTER TABLE "model_best_scores" ADD CONSTRAINT "model_best_scores_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "model_best_scores" ADD CONSTRAINT "model_best_scores_benchmark_id_fkey" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "model_best_scores_benchmark_id_score_idx" ON "model_best_scores"("benchmark_id", "score");

-- Each model's capability index value (lib/analytics/capability-index.ts) per index version; only
-- models whose coverage suffices have a row.
CREATE TABLE "model_index_values" (
    "model_id" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "benchmarks_used" TEXT[],
    CONSTRAINT "model_index_values_pkey" PRIMARY KEY ("model_id", "version")
);
ALTER TABLE "model_index_values" ADD CONSTRAINT "model_index_values_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Dated events of lib/analytics/movements.ts (price changes per offering, new leaders per
-- benchmark, first threshold crossings of the standard rules), read by window.
CREATE TABLE "analytics_events" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "model_id" INTEGER NOT NULL,
    "benchmark_id" INTEGER,
    "detail" JSONB NOT NULL,
    CONSTRAINT "analytics_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "analytics_events_kind_check" CHECK ("kind" IN ('price-change', 'new-leader', 'threshold-crossing'))
);
ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_benchmark_id_fkey" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "analytics_events_kind_occurred_at_idx" ON "analytics_events"("kind", "occurred_at");
CREATE INDEX "analytics_events_model_id_idx" ON "analytics_events"("model_id");

-- Open vs proprietary per benchmark and month (lib/analytics/open-gap.ts, release basis).
CREATE TABLE "open_gap_months" (
    "benchmark_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "detail" JSONB NOT NULL,
    CONSTRAINT "open_gap_months_pkey" PRIMARY KEY ("benchmark_id", "month")
);
ALTER TABLE "open_gap_months" ADD CONSTRAINT "open_gap_months_benchmark_id_fkey" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What changed since the last refresh. Statement triggers fill it from every write path (adapters,
-- curated load, CSV import, hand-written SQL), so nothing can change the ledger without the
-- precomputed tables knowing; reads fall back to computing from the ledger while it is not empty.
CREATE TABLE "analytics_dirty" (
    "kind" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    CONSTRAINT "analytics_dirty_pkey" PRIMARY KEY ("kind", "id"),
    CONSTRAINT "analytics_dirty_kind_check" CHECK ("kind" IN ('model', 'benchmark'))
);

-- Answers of the analytics reads (lib/precompute/result-cache.ts), each valid for the refresh it was
-- computed after: the standard ones are computed right after each refresh, others on first request.
-- Stored uncompressed: a large answer (a frontier of thousands of models) is read far more often
-- than written.
CREATE TABLE "analytics_results" (
    "key" TEXT NOT NULL,
    "refresh_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "compute_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "analytics_results_pkey" PRIMARY KEY ("key")
);
ALTER TABLE "analytics_results" ALTER COLUMN "body" SET STORAGE EXTERNAL;

-- One row per refresh: what it covered and how long it took.
CREATE TABLE "analytics_refreshes" (
    "id" SERIAL NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "models" INTEGER NOT NULL DEFAULT 0,
    "benchmarks" INTEGER NOT NULL DEFAULT 0,
    "duration_ms" INTEGER,
    CONSTRAINT "analytics_refreshes_pkey" PRIMARY KEY ("id")
);

-- One function per table; an UPDATE marks both the old and the new owner (an offering or a result
-- moved to another model changes both). plpgsql plans a statement when it first runs it, so the
-- branch naming a transition table the operation lacks is never planned.
CREATE FUNCTION "analytics_mark_price_points"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_dirty (kind, id) SELECT DISTINCT 'model', o.model_id FROM new_rows c JOIN offerings o ON o.id = c.offering_id ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_dirty (kind, id) SELECT DISTINCT 'model', o.model_id FROM old_rows c JOIN offerings o ON o.id = c.offering_id ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "price_points_analytics_insert" AFTER INSERT ON "price_points" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_mark_price_points"();
CREATE TRIGGER "price_points_analytics_update" AFTER UPDATE ON "price_points" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_mark_price_points"();
CREATE TRIGGER "price_points_analytics_delete" AFTER DELETE ON "price_points" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_mark_price_points"();

CREATE FUNCTION "analytics_mark_benchmark_results"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_dirty (kind, id) SELECT DISTINCT 'model', c.model_id FROM new_rows c UNION SELECT DISTINCT 'benchmark', c.benchmark_id FROM new_rows c ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_dirty (kind, id) SELECT DISTINCT 'model', c.model_id FROM old_rows c UNION SELECT DISTINCT 'benchmark', c.benchmark_id FROM old_rows c ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "benchmark_results_analytics_insert" AFTER INSERT ON "benchmark_results" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_mark_benchmark_results"();
CREATE TRIGGER "benchmark_results_analytics_update" AFTER UPDATE ON "benchmark_results" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_mark_benchmark_results"();
CREATE TRIGGER "benchmark_results_analytics_delete" AFTER DELETE ON "benchmark_results" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_mark_benchmark_results"();

-- a model's release date, name, lab, openness or reasoning flag feeds every analysis it is in
CREATE FUNCTION "analytics_mark_models"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_dirty (kind, id) SELECT DISTINCT 'model', c.id FROM new_rows c ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "models_analytics_insert" AFTER INSERT ON "models" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_mark_models"();
CREATE TRIGGER "models_analytics_update" AFTER UPDATE ON "models" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_mark_models"();

-- an offering moved to another model or provider (a curated correction) changes both models' prices
CREATE FUNCTION "analytics_mark_offerings"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_dirty (kind, id) SELECT DISTINCT 'model', c.model_id FROM new_rows c UNION SELECT DISTINCT 'model', c.model_id FROM old_rows c ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "offerings_analytics_update" AFTER UPDATE ON "offerings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_mark_offerings"();

-- a provider becoming (or ceasing to be) a lab's first-party API changes which price is the reference
CREATE FUNCTION "analytics_mark_providers"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_dirty (kind, id) SELECT DISTINCT 'model', o.model_id FROM new_rows c JOIN offerings o ON o.provider_id = c.id ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "providers_analytics_update" AFTER UPDATE ON "providers" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_mark_providers"();

-- a database migrated with data already in it starts with everything to compute
INSERT INTO "analytics_dirty" ("kind", "id") SELECT 'model', "id" FROM "models";
INSERT INTO "analytics_dirty" ("kind", "id") SELECT 'benchmark', "id" FROM "benchmarks";
