-- Moving API ids ("deepseek-chat" was upgraded in place from V2 to V3.2) name different models at
-- different times: an alias may carry a validity window. Unbounded ends are -infinity / infinity.
ALTER TABLE "model_aliases" ADD COLUMN "valid_from" DATE NOT NULL DEFAULT '-infinity';
ALTER TABLE "model_aliases" ADD COLUMN "valid_to" DATE NOT NULL DEFAULT 'infinity';
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_window_check" CHECK ("valid_from" < "valid_to");
DROP INDEX "model_aliases_alias_key";
CREATE UNIQUE INDEX "model_aliases_alias_valid_from_key" ON "model_aliases"("alias", "valid_from");
