import { z } from "zod";
import { dateParam } from "./common";

export const digestPreviewQuery = z.strictObject({
  as_of: dateParam.optional(),
  days: z.coerce.number({ message: "expected a whole number" }).int("expected a whole number").min(1, "must be at least 1").max(366, "must be at most 366").default(7),
  format: z.enum(["html", "text"]).default("html"),
});
