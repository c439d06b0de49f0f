-- HTTP facts of a fetched payload, for conditional GET (If-None-Match / If-Modified-Since) and audit.
ALTER TABLE "raw_snapshots" ADD COLUMN "etag" TEXT;
ALTER TABLE "raw_snapshots" ADD COLUMN "last_modified" TEXT;
ALTER TABLE "raw_snapshots" ADD COLUMN "http_status" INTEGER;
CREATE INDEX "raw_snapshots_source_id_url_fetched_at_idx" ON "raw_snapshots"("source_id", "url", "fetched_at" DESC);

-- The validators of the last fetch of each URL of a source (identical bytes are stored once, so the
-- snapshot row cannot carry them for every URL that served them).
CREATE TABLE "fetch_validators" (
    "source_id" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "etag" TEXT,
    "last_modified" TEXT,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot_id" INTEGER NOT NULL,
    CONSTRAINT "fetch_validators_pkey" PRIMARY KEY ("source_id", "url")
);
ALTER TABLE "fetch_validators" ADD CONSTRAINT "fetch_validators_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "fetch_validators" ADD CONSTRAINT "fetch_validators_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "raw_snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;
