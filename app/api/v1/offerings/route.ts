import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { listOfferings } from "../../../../lib/queries/offering-list";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.offerings, (query) => listOfferings(query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
