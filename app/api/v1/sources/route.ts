import { apiRoute, json } from "../../../../lib/api";
import { listSourceStatus } from "../../../../lib/queries/sources";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => json({ data: await listSourceStatus() }, { cacheSeconds: 30 }));
