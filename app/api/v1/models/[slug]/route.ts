import { getEndpoint } from "../../../../../lib/api";
import { ENDPOINTS } from "../../../../../lib/api-catalogue";
import { getModelProfileOrThrow } from "../../../../../lib/queries/model-profile";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.model, (_query, _request, params) => getModelProfileOrThrow(params.slug));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
