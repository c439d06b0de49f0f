import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { listRuns } from "../../../../lib/queries/runs";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.runs, (query) => listRuns(query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
