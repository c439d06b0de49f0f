import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { listResults } from "../../../../lib/queries/result-list";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.results, (query) => listResults(query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
