import { getEndpoint } from "../../../../../lib/api";
import { ENDPOINTS } from "../../../../../lib/api-catalogue";
import { getCheapestAtCapability } from "../../../../../lib/queries/trends";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.cheapest, (query) => getCheapestAtCapability(query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
