-- FrontierWatch initial schema. Mirrors prisma/schema.prisma (checked by lib/database/schema.db.test.ts)
-- and adds what Prisma cannot express: CHECK constraints, partial unique indexes, a score-range trigger.

-- provenance ------------------------------------------------------------------------------------
CREATE TABLE "sources" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT,
    "schedule" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sources_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sources_kind_check" CHECK ("kind" IN ('curated', 'prices', 'catalog', 'benchmarks', 'news', 'import'))
);
CREATE UNIQUE INDEX "sources_slug_key" ON "sources"("slug");

CREATE TABLE "ingest_runs" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "match_rate" DOUBLE PRECISION,
    "message" TEXT,
    "rejections" JSONB NOT NULL DEFAULT '[]',
    "errors" JSONB NOT NULL DEFAULT '[]',
    CONSTRAINT "ingest_runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ingest_runs_status_check" CHECK ("status" IN ('running', 'succeeded', 'partial', 'failed')),
    CONSTRAINT "ingest_runs_counts_check" CHECK ("inserted" >= 0 AND "updated" >= 0 AND "unchanged" >= 0 AND "rejected" >= 0),
    CONSTRAINT "ingest_runs_match_rate_check" CHECK ("match_rate" IS NULL OR ("match_rate" >= 0 AND "match_rate" <= 1)),
    CONSTRAINT "ingest_runs_finished_check" CHECK ("finished_at" IS NULL OR "finished_at" >= "started_at")
);
CREATE INDEX "ingest_runs_source_id_started_at_idx" ON "ingest_runs"("source_id", "started_at" DESC);

CREATE TABLE "raw_snapshots" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "url" TEXT,
    "content_type" TEXT,
    "byte_size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "raw_snapshots_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "raw_snapshots_size_check" CHECK ("byte_size" = octet_length("content"))
);
CREATE UNIQUE INDEX "raw_snapshots_sha256_key" ON "raw_snapshots"("sha256");

CREATE TABLE "ingest_run_snapshots" (
    "run_id" INTEGER NOT NULL,
    "snapshot_id" INTEGER NOT NULL,
    CONSTRAINT "ingest_run_snapshots_pkey" PRIMARY KEY ("run_id", "snapshot_id")
);

-- catalogue -------------------------------------------------------------------------------------
CREATE TABLE "labs" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "kind" TEXT NOT NULL,
    "website" TEXT,
    "source_url" TEXT NOT NULL,
    "source_id" INTEGER NOT NULL,
    "run_id" INTEGER NOT NULL,
    "snapshot_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "labs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "labs_kind_check" CHECK ("kind" IN ('frontier_lab', 'big_tech', 'startup', 'academic', 'community', 'nonprofit')),
    CONSTRAINT "labs_country_check" CHECK ("country" ~ '^[A-Z]{2}$')
);
CREATE UNIQUE INDEX "labs_slug_key" ON "labs"("slug");

CREATE TABLE "models" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lab_id" INTEGER NOT NULL,
    "family" TEXT NOT NULL,
    "released_on" DATE NOT NULL,
    "open_weights" BOOLEAN NOT NULL,
    "license" TEXT NOT NULL,
    "params_total_b" DOUBLE PRECISION,
    "params_active_b" DOUBLE PRECISION,
    "context_window" INTEGER,
    "modalities" TEXT[],
    "reasoning" BOOLEAN NOT NULL,
    "domain" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "deprecated_on" DATE,
    "source_url" TEXT NOT NULL,
    "source_id" INTEGER NOT NULL,
    "run_id" INTEGER NOT NULL,
    "snapshot_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "models_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "models_params_check" CHECK (("params_total_b" IS NULL OR "params_total_b" > 0) AND ("params_active_b" IS NULL OR "params_active_b" > 0) AND ("params_active_b" IS NULL OR "params_total_b" IS NULL OR "params_active_b" <= "params_total_b")),
    CONSTRAINT "models_context_window_check" CHECK ("context_window" IS NULL OR "context_window" > 0),
    CONSTRAINT "models_status_check" CHECK ("status" IN ('active', 'deprecated')),
    CONSTRAINT "models_deprecated_check" CHECK ("deprecated_on" IS NULL OR "deprecated_on" >= "released_on"),
    CONSTRAINT "models_domain_check" CHECK ("domain" IN ('general', 'code', 'math', 'medical', 'legal', 'finance', 'science', 'multilingual', 'vision', 'other'))
);
CREATE UNIQUE INDEX "models_slug_key" ON "models"("slug");
CREATE INDEX "models_lab_id_released_on_idx" ON "models"("lab_id", "released_on");
CREATE INDEX "models_released_on_idx" ON "models"("released_on");

CREATE TABLE "model_aliases" (
    "id" SERIAL NOT NULL,
    "alias" TEXT NOT NULL,
    "model_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,
    CONSTRAINT "model_aliases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "model_aliases_normalised_check" CHECK ("alias" = lower(btrim("alias")) AND "alias" <> '')
);
CREATE UNIQUE INDEX "model_aliases_alias_key" ON "model_aliases"("alias");
CREATE INDEX "model_aliases_model_id_idx" ON "model_aliases"("model_id");

CREATE TABLE "unmatched_aliases" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sample" JSONB,
    CONSTRAINT "unmatched_aliases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "unmatched_aliases_occurrences_check" CHECK ("occurrences" > 0)
);
CREATE UNIQUE INDEX "unmatched_aliases_source_id_alias_key" ON "unmatched_aliases"("source_id", "alias");

CREATE TABLE "providers" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "hardware" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "regions" TEXT[],
    "lab_id" INTEGER,
    "retains_prompts" BOOLEAN,
    "trains_on_prompts" BOOLEAN,
    "zero_data_retention" BOOLEAN,
    "data_policy_url" TEXT,
    "website" TEXT,
    "source_url" TEXT NOT NULL,
    "source_id" INTEGER NOT NULL,
    "run_id" INTEGER NOT NULL,
    "snapshot_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "providers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "providers_kind_check" CHECK ("kind" IN ('first_party', 'hyperscaler', 'gpu_cloud', 'specialised_hardware', 'aggregator')),
    CONSTRAINT "providers_hardware_check" CHECK ("hardware" IN ('gpu', 'tpu', 'lpu', 'wse', 'rdu', 'trainium', 'inferentia', 'mixed', 'unknown')),
    CONSTRAINT "providers_country_check" CHECK ("country" ~ '^[A-Z]{2}$')
);
CREATE UNIQUE INDEX "providers_slug_key" ON "providers"("slug");

CREATE TABLE "offerings" (
    "id" SERIAL NOT NULL,
    "model_id" INTEGER NOT NULL,
    "provider_id" INTEGER NOT NULL,
    "provider_model_id" TEXT,
    "quantization" TEXT NOT NULL DEFAULT '',
    "context_limit" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'active',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source_id" INTEGER NOT NULL,
    CONSTRAINT "offerings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "offerings_status_check" CHECK ("status" IN ('active', 'retired')),
    CONSTRAINT "offerings_context_limit_check" CHECK ("context_limit" IS NULL OR "context_limit" > 0)
);
CREATE UNIQUE INDEX "offerings_model_id_provider_id_quantization_key" ON "offerings"("model_id", "provider_id", "quantization");
CREATE INDEX "offerings_provider_id_idx" ON "offerings"("provider_id");

-- price ledger ----------------------------------------------------------------------------------
CREATE TABLE "price_points" (
    "id" BIGSERIAL NOT NULL,
    "offering_id" INTEGER NOT NULL,
    "tier" TEXT NOT NULL DEFAULT 'standard',
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_to" TIMESTAMPTZ(3),
    "observed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "superseded_at" TIMESTAMPTZ(3),
    "input_usd" DECIMAL(14,6) NOT NULL,
    "output_usd" DECIMAL(14,6) NOT NULL,
    "cached_input_usd" DECIMAL(14,6),
    "cache_write_usd" DECIMAL(14,6),
    "reasoning_usd" DECIMAL(14,6),
    "per_request_usd" DECIMAL(14,6),
    "source_url" TEXT,
    "source_id" INTEGER NOT NULL,
    "run_id" INTEGER NOT NULL,
    "snapshot_id" INTEGER,
    CONSTRAINT "price_points_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "price_points_nonnegative_check" CHECK ("input_usd" >= 0 AND "output_usd" >= 0 AND coalesce("cached_input_usd", 0) >= 0 AND coalesce("cache_write_usd", 0) >= 0 AND coalesce("reasoning_usd", 0) >= 0 AND coalesce("per_request_usd", 0) >= 0),
    CONSTRAINT "price_points_validity_check" CHECK ("valid_to" IS NULL OR "valid_from" < "valid_to"),
    CONSTRAINT "price_points_superseded_check" CHECK ("superseded_at" IS NULL OR "superseded_at" >= "observed_at"),
    CONSTRAINT "price_points_tier_check" CHECK ("tier" IN ('standard', 'long-context', 'batch', 'off-peak', 'flex', 'priority', 'promo', 'free'))
);
CREATE INDEX "price_points_offering_id_tier_source_id_valid_from_idx" ON "price_points"("offering_id", "tier", "source_id", "valid_from");
-- among current (not superseded) rows: one row per start date, and at most one open row
CREATE UNIQUE INDEX "price_points_current_valid_from_key" ON "price_points"("offering_id", "tier", "source_id", "valid_from") WHERE "superseded_at" IS NULL;
CREATE UNIQUE INDEX "price_points_current_open_row_key" ON "price_points"("offering_id", "tier", "source_id") WHERE "valid_to" IS NULL AND "superseded_at" IS NULL;
CREATE INDEX "price_points_valid_from_valid_to_idx" ON "price_points"("valid_from", "valid_to");

CREATE TABLE "throughput_samples" (
    "id" BIGSERIAL NOT NULL,
    "offering_id" INTEGER NOT NULL,
    "measured_at" TIMESTAMPTZ(3) NOT NULL,
    "tokens_per_second" DOUBLE PRECISION,
    "ttft_ms" DOUBLE PRECISION,
    "source_id" INTEGER NOT NULL,
    "run_id" INTEGER NOT NULL,
    CONSTRAINT "throughput_samples_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "throughput_samples_positive_check" CHECK (coalesce("tokens_per_second", 0) >= 0 AND coalesce("ttft_ms", 0) >= 0)
);
CREATE UNIQUE INDEX "throughput_samples_offering_id_measured_at_source_id_key" ON "throughput_samples"("offering_id", "measured_at", "source_id");

-- benchmarks ------------------------------------------------------------------------------------
CREATE TABLE "benchmarks" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "higher_is_better" BOOLEAN NOT NULL DEFAULT true,
    "scale_min" DOUBLE PRECISION NOT NULL,
    "scale_max" DOUBLE PRECISION NOT NULL,
    "description" TEXT NOT NULL,
    "source_url" TEXT NOT NULL,
    CONSTRAINT "benchmarks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "benchmarks_scale_check" CHECK ("scale_min" < "scale_max"),
    CONSTRAINT "benchmarks_category_check" CHECK ("category" IN ('knowledge', 'reasoning', 'math', 'coding', 'agentic', 'preference')),
    CONSTRAINT "benchmarks_unit_check" CHECK ("unit" IN ('percent', 'elo', 'index'))
);
CREATE UNIQUE INDEX "benchmarks_slug_key" ON "benchmarks"("slug");

CREATE TABLE "benchmark_results" (
    "id" SERIAL NOT NULL,
    "model_id" INTEGER NOT NULL,
    "benchmark_id" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "measured_on" DATE NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '',
    "cost_usd" DECIMAL(14,4),
    "source_url" TEXT,
    "source_id" INTEGER NOT NULL,
    "run_id" INTEGER NOT NULL,
    "snapshot_id" INTEGER,
    CONSTRAINT "benchmark_results_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "benchmark_results_cost_check" CHECK ("cost_usd" IS NULL OR "cost_usd" >= 0),
    CONSTRAINT "benchmark_results_finite_check" CHECK ("score" <> 'NaN'::float8 AND "score" <> 'Infinity'::float8 AND "score" <> '-Infinity'::float8)
);
CREATE UNIQUE INDEX "benchmark_results_model_id_benchmark_id_source_id_settings_measured_on_key" ON "benchmark_results"("model_id", "benchmark_id", "source_id", "settings", "measured_on");
CREATE INDEX "benchmark_results_benchmark_id_score_idx" ON "benchmark_results"("benchmark_id", "score");

-- A score must lie within its benchmark's scale; a CHECK cannot look at another table.
CREATE FUNCTION "benchmark_results_score_in_range"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    lo DOUBLE PRECISION;
    hi DOUBLE PRECISION;
    b_slug TEXT;
BEGIN
    SELECT "scale_min", "scale_max", "slug" INTO lo, hi, b_slug FROM "benchmarks" WHERE "id" = NEW."benchmark_id";
    IF NEW."score" < lo OR NEW."score" > hi THEN
        RAISE EXCEPTION 'score % is outside the range % to % of benchmark %', NEW."score", lo, hi, b_slug
            USING ERRCODE = 'check_violation', CONSTRAINT = 'benchmark_results_score_range_check';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "benchmark_results_score_range" BEFORE INSERT OR UPDATE OF "score", "benchmark_id" ON "benchmark_results"
    FOR EACH ROW EXECUTE FUNCTION "benchmark_results_score_in_range"();

-- news ------------------------------------------------------------------------------------------
CREATE TABLE "news_items" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "feed" TEXT NOT NULL,
    "summary" TEXT,
    "source_id" INTEGER NOT NULL,
    "run_id" INTEGER NOT NULL,
    CONSTRAINT "news_items_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "news_items_url_check" CHECK ("url" ~ '^https?://')
);
CREATE UNIQUE INDEX "news_items_url_key" ON "news_items"("url");
CREATE INDEX "news_items_published_at_idx" ON "news_items"("published_at" DESC);

CREATE TABLE "news_item_labs" (
    "news_item_id" INTEGER NOT NULL,
    "lab_id" INTEGER NOT NULL,
    CONSTRAINT "news_item_labs_pkey" PRIMARY KEY ("news_item_id", "lab_id")
);

CREATE TABLE "news_item_models" (
    "news_item_id" INTEGER NOT NULL,
    "model_id" INTEGER NOT NULL,
    CONSTRAINT "news_item_models_pkey" PRIMARY KEY ("news_item_id", "model_id")
);

-- digest ----------------------------------------------------------------------------------------
CREATE TABLE "subscribers" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "preferences" JSONB NOT NULL DEFAULT '{}',
    "token_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),
    "unsubscribed_at" TIMESTAMPTZ(3),
    CONSTRAINT "subscribers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "subscribers_status_check" CHECK ("status" IN ('pending', 'confirmed', 'unsubscribed', 'bounced')),
    CONSTRAINT "subscribers_email_check" CHECK ("email" = lower("email") AND "email" ~ '^[^@\s]+@[^@\s]+$')
);
CREATE UNIQUE INDEX "subscribers_email_key" ON "subscribers"("email");
CREATE INDEX "subscribers_status_idx" ON "subscribers"("status");

CREATE TABLE "digests" (
    "id" SERIAL NOT NULL,
    "week" DATE NOT NULL,
    "subject" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "digests_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "digests_week_monday_check" CHECK (extract(isodow FROM "week") = 1)
);
CREATE UNIQUE INDEX "digests_week_key" ON "digests"("week");

CREATE TABLE "deliveries" (
    "id" SERIAL NOT NULL,
    "digest_id" INTEGER NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "message_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "deliveries_status_check" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'bounced')),
    CONSTRAINT "deliveries_attempts_check" CHECK ("attempts" >= 0)
);
CREATE UNIQUE INDEX "deliveries_digest_id_subscriber_id_key" ON "deliveries"("digest_id", "subscriber_id");
CREATE INDEX "deliveries_digest_id_status_idx" ON "deliveries"("digest_id", "status");

-- API keys --------------------------------------------------------------------------------------
CREATE TABLE "api_keys" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "tier" TEXT NOT NULL DEFAULT 'standard',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_keys_tier_check" CHECK ("tier" IN ('standard', 'partner'))
);
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- foreign keys ----------------------------------------------------------------------------------
ALTER TABLE "ingest_runs" ADD CONSTRAINT "ingest_runs_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "raw_snapshots" ADD CONSTRAINT "raw_snapshots_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ingest_run_snapshots" ADD CONSTRAINT "ingest_run_snapshots_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ingest_run_snapshots" ADD CONSTRAINT "ingest_run_snapshots_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "raw_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "labs" ADD CONSTRAINT "labs_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "labs" ADD CONSTRAINT "labs_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "labs" ADD CONSTRAINT "labs_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "raw_snapshots"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "models" ADD CONSTRAINT "models_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "labs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "models" ADD CONSTRAINT "models_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "models" ADD CONSTRAINT "models_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "models" ADD CONSTRAINT "models_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "raw_snapshots"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "unmatched_aliases" ADD CONSTRAINT "unmatched_aliases_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "providers" ADD CONSTRAINT "providers_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "labs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "providers" ADD CONSTRAINT "providers_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "providers" ADD CONSTRAINT "providers_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "providers" ADD CONSTRAINT "providers_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "raw_snapshots"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "price_points" ADD CONSTRAINT "price_points_offering_id_fkey" FOREIGN KEY ("offering_id") REFERENCES "offerings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "price_points" ADD CONSTRAINT "price_points_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "price_points" ADD CONSTRAINT "price_points_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "price_points" ADD CONSTRAINT "price_points_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "raw_snapshots"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "throughput_samples" ADD CONSTRAINT "throughput_samples_offering_id_fkey" FOREIGN KEY ("offering_id") REFERENCES "offerings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "benchmark_results" ADD CONSTRAINT "benchmark_results_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "benchmark_results" ADD CONSTRAINT "benchmark_results_benchmark_id_fkey" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "benchmark_results" ADD CONSTRAINT "benchmark_results_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "benchmark_results" ADD CONSTRAINT "benchmark_results_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "benchmark_results" ADD CONSTRAINT "benchmark_results_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "raw_snapshots"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "news_item_labs" ADD CONSTRAINT "news_item_labs_news_item_id_fkey" FOREIGN KEY ("news_item_id") REFERENCES "news_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "news_item_labs" ADD CONSTRAINT "news_item_labs_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "labs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "news_item_models" ADD CONSTRAINT "news_item_models_news_item_id_fkey" FOREIGN KEY ("news_item_id") REFERENCES "news_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "news_item_models" ADD CONSTRAINT "news_item_models_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_digest_id_fkey" FOREIGN KEY ("digest_id") REFERENCES "digests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscribers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
