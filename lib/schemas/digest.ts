import { z } from "zod";
import { dateParam } from "./common";
import { DIGEST_TOPICS } from "./subscriptions";

const list = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

export const digestPreviewQuery = z.strictObject({
  as_of: dateParam.optional(),
  days: z.coerce.number({ message: "expected a whole number" }).int("expected a whole number").min(1, "must be at least 1").max(366, "must be at most 366").default(7),
  format: z.enum(["html", "text"]).default("html"),
  /** render for this subscriber's preferences (admin token required) */
  subscriber: z.coerce.number({ message: "expected a subscriber id" }).int("expected a subscriber id").positive("expected a subscriber id").max(2_147_483_647, "expected a subscriber id").optional(),
  /** or for these preferences (repeat the parameter for several) */
  topics: list(z.enum(DIGEST_TOPICS, { message: `expected one of ${DIGEST_TOPICS.join(", ")}` })).optional(),
  labs: list(z.string().max(100).regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a lab slug")).optional(),
});
