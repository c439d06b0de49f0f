import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { listModels } from "../../../../lib/queries/models";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.models, (query) => listModels(query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
