-- API rate limits (issue 6): fixed-window counters shared by every web instance, one upsert per
-- request. UNLOGGED: no WAL for a counter that is rewritten on every request; after a crash the
-- table is empty, which only forgives the current window.
CREATE UNLOGGED TABLE "api_rate_limits" (
    "bucket" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "api_rate_limits_pkey" PRIMARY KEY ("bucket", "window_start")
);
CREATE INDEX "api_rate_limits_window_start_idx" ON "api_rate_limits"("window_start");
