/** Admin routes: a bearer token compared in constant time; no token configured means no admin routes. */
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "./env";
import { ApiError } from "./errors";

export function assertAdmin(request: Request): void {
  const token = getEnv().ADMIN_TOKEN;
  if (!token) throw new ApiError("forbidden", "Admin routes are disabled: set ADMIN_TOKEN to enable them.");
  const header = request.headers.get("authorization") ?? "";
  const given = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? "";
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(token).digest();
  if (!given || !timingSafeEqual(a, b)) throw new ApiError("unauthorized", "A valid admin token is required (Authorization: Bearer <ADMIN_TOKEN>).");
}
