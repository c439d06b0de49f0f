-- The frontier on a date reads every model's price segment covering that day. With the price and
-- the model in the index (and the range's bounds, which the planner needs to see to skip the
-- table), that read is an index-only scan: at 20,000 models, ~12,000 segments cost a few hundred
-- index pages instead of one table page each.
DROP INDEX "model_price_segments_reference_valid_idx";
DROP INDEX "model_price_segments_first_party_valid_idx";
DROP INDEX "model_price_segments_median_valid_idx";
CREATE INDEX "model_price_segments_reference_valid_idx" ON "model_price_segments" USING gist (tstzrange("valid_from", "valid_to"))
  INCLUDE ("model_id", "input_usd", "output_usd", "basis", "valid_from", "valid_to") WHERE "mode" = 'reference';
CREATE INDEX "model_price_segments_first_party_valid_idx" ON "model_price_segments" USING gist (tstzrange("valid_from", "valid_to"))
  INCLUDE ("model_id", "input_usd", "output_usd", "basis", "valid_from", "valid_to") WHERE "mode" = 'first-party';
CREATE INDEX "model_price_segments_median_valid_idx" ON "model_price_segments" USING gist (tstzrange("valid_from", "valid_to"))
  INCLUDE ("model_id", "input_usd", "output_usd", "basis", "valid_from", "valid_to") WHERE "mode" = 'median';

-- Price at constant capability walks each qualifying model's segments in date order: the primary
-- key carries the prices too, so that walk is an index-only scan as well.
ALTER TABLE "model_price_segments" DROP CONSTRAINT "model_price_segments_pkey";
ALTER TABLE "model_price_segments" ADD CONSTRAINT "model_price_segments_pkey" PRIMARY KEY ("model_id", "mode", "valid_from") INCLUDE ("valid_to", "input_usd", "output_usd", "basis");
