-- Double opt-in (issue 7): when the last confirmation email went out (so a form cannot be used to
-- flood an inbox), when a hard bounce marked the address, and a place for secrets the application
-- generates itself (the key that signs subscription links when SIGNING_SECRET is not set), shared by
-- every instance.
ALTER TABLE "subscribers" ADD COLUMN "confirmation_sent_at" TIMESTAMPTZ(3);
ALTER TABLE "subscribers" ADD COLUMN "bounced_at" TIMESTAMPTZ(3);

CREATE TABLE "app_secrets" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "app_secrets_pkey" PRIMARY KEY ("name")
);
