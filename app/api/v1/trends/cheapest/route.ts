import { apiRoute, json, parseSearchParams } from "../../../../../lib/api";
import { getCheapestAtCapability } from "../../../../../lib/queries/trends";
import { cheapestQuery } from "../../../../../lib/schemas/trends";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const query = parseSearchParams(cheapestQuery, request.nextUrl.searchParams);
  return json(await getCheapestAtCapability(query), { cacheSeconds: 300 });
});
