import { apiRoute, json, parseSearchParams } from "../../../../lib/api";
import { listModels } from "../../../../lib/queries/models";
import { listModelsQuery } from "../../../../lib/schemas/models";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const query = parseSearchParams(listModelsQuery, request.nextUrl.searchParams);
  return json(await listModels(query), { cacheSeconds: 60 });
});
