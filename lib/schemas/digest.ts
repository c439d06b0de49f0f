import { z } from "zod";
import { dateParam } from "./common";

export const digestPreviewQuery = z.strictObject({
  as_of: dateParam.optional(),
  days: z.coerce.number({ message: "expected a whole number" }).int("expected a whole number").min(1, "must be at least 1").max(366, "must be at most 366").default(7),
  format: z.enum(["html", "text"]).default("html"),
});

export interface DigestPriceChange {
  model: string;
  modelName: string;
  provider: string;
  date: string;
  tier: string;
  before: { input: number; output: number };
  after: { input: number; output: number };
  /** percent change of the blended (3:1) price */
  changePct: number;
  sourceUrl: string | null;
}

export interface DigestRelease {
  model: string;
  modelName: string;
  lab: string;
  date: string;
  openWeights: boolean;
  reasoning: boolean;
  sourceUrl: string;
}

export interface DigestContent {
  from: string;
  to: string;
  priceChanges: DigestPriceChange[];
  releases: DigestRelease[];
}
