/** The subscription boundary: the subscribe form / POST /api/v1/subscriptions, preferences, tokens. */
import { z } from "zod";
import { slugParam } from "./common";

import { DIGEST_TOPICS } from "../domain";

export { DIGEST_TOPICS };
export type DigestTopic = (typeof DIGEST_TOPICS)[number];

// CR, LF and other control characters have no place in an address and are how header injection
// is attempted ("a@b.c\r\nBcc: …"); they are refused, not stripped
const CONTROL = /[\u0000-\u001f\u007f]/;

export const emailField = z
  .string({ message: "expected an email address" })
  .max(254, "at most 254 characters")
  .refine((s) => !CONTROL.test(s), "must not contain line breaks or control characters")
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email("not a valid email address"));

export const preferencesSchema = z.strictObject({
  /** labs to follow (slugs); empty: every lab */
  labs: z.array(slugParam, { message: "expected a list of lab slugs" }).max(50, "at most 50 labs").default([]),
  topics: z.array(z.enum(DIGEST_TOPICS, { message: `expected one of ${DIGEST_TOPICS.join(", ")}` })).min(1, "choose at least one topic").max(DIGEST_TOPICS.length).default([...DIGEST_TOPICS]),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const subscribeBody = z.strictObject({
  email: emailField,
  labs: preferencesSchema.shape.labs,
  topics: preferencesSchema.shape.topics,
});
export type SubscribeBody = z.infer<typeof subscribeBody>;

export const tokenField = z.string({ message: "expected a link token" }).min(10, "not a link token").max(512, "not a link token").regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "not a link token");

export const tokenBody = z.strictObject({ token: tokenField });
export const preferencesBody = z.strictObject({ token: tokenField, labs: preferencesSchema.shape.labs, topics: preferencesSchema.shape.topics });

// ---------------------------------------------------------------- responses (also in the OpenAPI document)

const preferencesOut = z.object({ labs: z.array(z.string()), topics: z.array(z.enum(DIGEST_TOPICS)) });

/** 202 whatever the address's state: whether an address subscribes is never disclosed. */
export const subscribeAccepted = z.object({ status: z.literal("check-your-inbox"), message: z.string() });
export const subscriptionConfirmed = z.object({ status: z.literal("confirmed"), alreadyConfirmed: z.boolean(), email: z.string(), preferences: preferencesOut });
export const preferencesUpdated = z.object({ status: z.literal("updated"), preferences: preferencesOut });
export const unsubscribed = z.object({ status: z.literal("unsubscribed"), alreadyUnsubscribed: z.boolean() });
