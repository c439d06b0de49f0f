import { apiRoute, json } from "../../../lib/api";
import { getHealth } from "../../../lib/queries/health";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const health = await getHealth();
  return json(health, { status: health.status === "down" ? 503 : 200 });
}, "/api/health");
