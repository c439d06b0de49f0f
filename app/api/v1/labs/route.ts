import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { listLabsPage } from "../../../../lib/queries/lab-list";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.labs, (query) => listLabsPage(query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
