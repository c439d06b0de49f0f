import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { analyticsAnswerVersion, getFrontierForApi } from "../../../../lib/queries/api-analytics";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.frontier, (query) => getFrontierForApi(query), { version: analyticsAnswerVersion });
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
