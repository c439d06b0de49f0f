import { getEndpoint } from "../../../../../lib/api";
import { ENDPOINTS } from "../../../../../lib/api-catalogue";
import { analyticsAnswerVersion } from "../../../../../lib/queries/api-analytics";
import { getCheapestAtCapability } from "../../../../../lib/queries/trends";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.cheapest, (query) => getCheapestAtCapability(query), { version: analyticsAnswerVersion });
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
