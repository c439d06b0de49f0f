import { apiRoute, describeIssues, json } from "../../../../../lib/api";
import { assertAdmin } from "../../../../../lib/admin";
import { createApiKey } from "../../../../../lib/api-keys";
import { getPool } from "../../../../../lib/db";
import { ApiError } from "../../../../../lib/errors";
import { createKeyBody } from "../../../../../lib/schemas/admin";

export const dynamic = "force-dynamic";

/** Creates an API key; the secret is in this response only. */
export const POST = apiRoute(async (request) => {
  assertAdmin(request);
  let raw: unknown;
  try {
    raw = JSON.parse((await request.text()).slice(0, 10_000) || "{}");
  } catch {
    throw new ApiError("invalid_request", "The body must be JSON: {\"name\": \"...\", \"tier\": \"standard\"}", [{ field: "(body)", message: "not JSON" }]);
  }
  const parsed = createKeyBody.safeParse(raw);
  if (!parsed.success) {
    const details = describeIssues(parsed.error);
    throw new ApiError("invalid_request", `Invalid body: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`, details);
  }
  const k = await createApiKey(getPool(), parsed.data.name, parsed.data.tier);
  return json({ id: k.id, name: k.name, prefix: k.prefix, tier: k.tier, createdAt: k.createdAt.toISOString(), key: k.key }, { status: 201 });
}, "/api/v1/admin/keys");
