import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { analyticsAnswerVersion, getOpenGapForApi } from "../../../../lib/queries/api-analytics";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.gap, (query) => getOpenGapForApi(query), { version: analyticsAnswerVersion });
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
