import { getEndpoint } from "../../../../lib/api";
import { ENDPOINTS } from "../../../../lib/api-catalogue";
import { listProvidersPage } from "../../../../lib/queries/provider-list";

export const dynamic = "force-dynamic";

const route = getEndpoint(ENDPOINTS.providers, (query) => listProvidersPage(query));
export const GET = route.GET;
export const OPTIONS = route.OPTIONS;
