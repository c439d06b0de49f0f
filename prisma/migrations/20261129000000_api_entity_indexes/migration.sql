-- JSON API v1 entity endpoints (issue 6): /api/v1/prices pages through the ledger by keyset on
-- (valid_from, id) in either direction; this index serves the seek and the order exactly, so a page
-- deep in a big ledger reads its rows and nothing before them. (Migrations run in a transaction, so
-- no CONCURRENTLY: on a large existing ledger this build blocks price writes while it runs.)
CREATE INDEX "price_points_valid_from_id_idx" ON "price_points"("valid_from", "id");
