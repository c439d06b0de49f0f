-- Skylines for the reads that pick the cheapest price above a capability threshold
-- (lib/analytics/skylines.ts, lib/precompute/skylines.ts): the cheapest-price series reads the
-- points that can win on a month start, price at constant capability the observations that can be
-- kept in its window, instead of every model priced then.

-- Each model's price observations per reference-price mode (price-at-capability.ts, step 3), in
-- terms independent of the blend mix: the previous observed prices let a reader drop a repeat.
CREATE TABLE "model_price_observations" (
    "model_id" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "input_usd" DOUBLE PRECISION NOT NULL,
    "output_usd" DOUBLE PRECISION NOT NULL,
    "basis" TEXT NOT NULL,
    "first_observation" BOOLEAN NOT NULL,
    "prev_input_usd" DOUBLE PRECISION,
    "prev_output_usd" DOUBLE PRECISION,
    -- an observation under every mix (positive prices, not a repeat under any mix)
    "sure" BOOLEAN NOT NULL,
    -- every price of the model in this mode positive in both parts
    "regular" BOOLEAN NOT NULL,

    CONSTRAINT "model_price_observations_pkey" PRIMARY KEY ("model_id", "mode", "observed_at"),
    CONSTRAINT "model_price_observations_mode_check" CHECK ("mode" IN ('reference', 'first-party', 'median'))
);
ALTER TABLE "model_price_observations" ADD CONSTRAINT "model_price_observations_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- a window's observations (a month read whole, a month not yet summarised)
CREATE INDEX "model_price_observations_mode_observed_at_idx" ON "model_price_observations" ("mode", "observed_at");
-- the few models read from their segments instead (a zero price part): found without a scan
CREATE INDEX "model_price_observations_irregular_idx" ON "model_price_observations" ("mode", "model_id") WHERE NOT "regular";

-- Per benchmark and month: the models priced on the month's first day (reference mode) that can
-- be the cheapest at or above some threshold under some mix, column-wise (jsonb).
CREATE TABLE "cheapest_skylines" (
    "benchmark_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "points" JSONB NOT NULL,

    CONSTRAINT "cheapest_skylines_pkey" PRIMARY KEY ("benchmark_id", "month")
);
ALTER TABLE "cheapest_skylines" ADD CONSTRAINT "cheapest_skylines_benchmark_id_fkey" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Per benchmark and mode: the observations of scored models that no earlier one of their month
-- rules out, each with the latest earlier one found to rule it out (walkCandidates). A window from
-- `from` needs those observed from it on with dominated_at before it (or none found).
CREATE TABLE "trend_candidates" (
    "benchmark_id" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "model_id" INTEGER NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "dominated_at" TIMESTAMPTZ(3),
    "score" DOUBLE PRECISION NOT NULL,
    "reasoning" BOOLEAN NOT NULL,
    "input_usd" DOUBLE PRECISION NOT NULL,
    "output_usd" DOUBLE PRECISION NOT NULL,
    "basis" TEXT NOT NULL,
    "first_observation" BOOLEAN NOT NULL,
    "prev_input_usd" DOUBLE PRECISION,
    "prev_output_usd" DOUBLE PRECISION,
    "sure" BOOLEAN NOT NULL,

    CONSTRAINT "trend_candidates_pkey" PRIMARY KEY ("benchmark_id", "mode", "model_id", "observed_at"),
    CONSTRAINT "trend_candidates_mode_check" CHECK ("mode" IN ('reference', 'first-party', 'median')),
    CONSTRAINT "trend_candidates_dominated_check" CHECK ("dominated_at" IS NULL OR "dominated_at" < "observed_at")
);
ALTER TABLE "trend_candidates" ADD CONSTRAINT "trend_candidates_benchmark_id_fkey" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "trend_candidates" ADD CONSTRAINT "trend_candidates_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- a window's candidates, and where a refresh resumes a series: one range of this index, read from
-- the index alone (dominated_at, score and the reasoning flag filter it)
CREATE INDEX "trend_candidates_series_idx" ON "trend_candidates" ("benchmark_id", "mode", "observed_at")
  INCLUDE ("dominated_at", "score", "reasoning", "model_id", "input_usd", "output_usd", "prev_input_usd", "prev_output_usd", "basis", "first_observation", "sure");

-- existing databases: every model and benchmark is recomputed by the next refresh
INSERT INTO "analytics_dirty" ("kind", "id") SELECT 'model', "id" FROM "models" ON CONFLICT DO NOTHING;
INSERT INTO "analytics_dirty" ("kind", "id") SELECT 'benchmark', "id" FROM "benchmarks" ON CONFLICT DO NOTHING;
