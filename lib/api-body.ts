/**
 * Request bodies for POST routes: JSON or an HTML form (application/x-www-form-urlencoded, repeated
 * fields become lists), size-capped, validated with a zod schema; every problem is a 400 in the one
 * error shape naming the field.
 */
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { describeIssues } from "./api";
import { ApiError } from "./errors";

const MAX_BODY_BYTES = 16 * 1024;

/** Fields that are lists even when a form sends them once. */
export async function readBody(request: NextRequest, listFields: readonly string[] = []): Promise<Record<string, unknown>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError("invalid_request", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB`);
  if (type === "application/x-www-form-urlencoded") {
    const form = new URLSearchParams(text);
    const out: Record<string, unknown> = {};
    for (const key of new Set(form.keys())) {
      const values = form.getAll(key);
      out[key] = listFields.includes(key) ? values : values.length > 1 ? values : values[0];
    }
    return out;
  }
  if (type !== "application/json" && text.trim() !== "") {
    throw new ApiError("invalid_request", "Send the body as application/json or an HTML form (application/x-www-form-urlencoded)", [{ field: "content-type", message: `unsupported: ${type || "(none)"}` }]);
  }
  if (text.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return parsed as Record<string, unknown>;
  } catch {
    throw new ApiError("invalid_request", "The request body is not a JSON object", [{ field: "(body)", message: "expected a JSON object" }]);
  }
}

export function parseBody<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const details = describeIssues(result.error);
    throw new ApiError("invalid_request", `Invalid field${details.length > 1 ? "s" : ""}: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`, details);
  }
  return result.data;
}
