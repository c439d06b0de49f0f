-- HTTP facts of a fetched payload, for conditional GET (If-None-Match / If-Modified-Since) and audit.
ALTER TABLE "raw_snapshots" ADD COLUMN "etag" TEXT;
ALTER TABLE "raw_snapshots" ADD COLUMN "last_modified" TEXT;
ALTER TABLE "raw_snapshots" ADD COLUMN "http_status" INTEGER;
CREATE INDEX "raw_snapshots_source_id_url_fetched_at_idx" ON "raw_snapshots"("source_id", "url", "fetched_at" DESC);
