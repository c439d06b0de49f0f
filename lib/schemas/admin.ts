/** POST /api/v1/admin/keys: create an API key (admin token). */
import { z } from "zod";
import { API_KEY_TIERS } from "../api-keys";
import { timestampString } from "./common";

export const createKeyBody = z.strictObject({
  name: z.string().trim().min(1, "required").max(100, "at most 100 characters"),
  tier: z.enum(API_KEY_TIERS).default("standard"),
});

export const createdKeyResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  tier: z.enum(API_KEY_TIERS),
  createdAt: timestampString,
  key: z.string().meta({ description: "the secret, shown this once; only its sha256 is stored" }),
});
