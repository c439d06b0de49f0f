-- Community authors (individual fine-tuners) often publish no location: their HQ country is unknown,
-- which is a fact to show, not a value to guess.
ALTER TABLE "labs" ALTER COLUMN "country" DROP NOT NULL;
